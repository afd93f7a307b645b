"""Story features above the summary: timeline, entities, grouping of articles into stories."""
