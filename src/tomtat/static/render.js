// Drawing a summary result: the summary (flat or as events), the source articles with the used
// sentences marked, the timeline, the entities, and the Markdown export. No state lives here.

export const el = (tag, attrs, ...kids) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v; else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const kid of kids) if (kid !== null && kid !== undefined) node.append(kid);
  return node;
};

// How a source is named to a reader: its outlet, else "Article n" (its place in the list).
export function sourceName(result, articleId, t) {
  const index = result.articles.findIndex((a) => a.id === articleId);
  const article = result.articles[index];
  if (article && article.source) return article.source;
  return index >= 0 ? t("article", { n: index + 1 }) : articleId;
}

// (label or null, sentence indexes) in reading order: one per event, or one for the whole summary.
export function paragraphs(result) {
  const count = result.sentences.length;
  const seen = new Set();
  const out = [];
  for (const event of Array.isArray(result.events) ? result.events : []) {
    const indexes = (event.sentences || []).filter((i) => Number.isInteger(i) && i >= 0 && i < count && !seen.has(i));
    if (!indexes.length) continue;
    indexes.forEach((i) => seen.add(i));
    out.push({ label: event.label || null, indexes });
  }
  const rest = [...Array(count).keys()].filter((i) => !seen.has(i));
  if (rest.length) out.push({ label: null, indexes: rest });
  return out;
}

export function renderSummary(box, result, t, handlers) {
  box.textContent = "";
  const groups = paragraphs(result);
  for (const group of groups) {
    const para = el("p", { class: "summary-para" });
    if (group.label) box.append(el("h3", { class: "event-label" }, group.label));
    for (const i of group.indexes) {
      const s = result.sentences[i];
      const name = sourceName(result, s.article_id, t);
      const link = el("a", { href: `#src-${i}`, class: "src-link", title: t("sourceOf", { name, i: s.sentence_index + 1 }),
        onclick: (e) => { e.preventDefault(); e.stopPropagation(); handlers.select(i); } }, name);
      const span = el("span", { class: "sent", "data-sent": String(i), tabindex: "0", role: "button",
        "aria-label": `${s.text} (${t("sourceOf", { name, i: s.sentence_index + 1 })})` }, s.text, " ", link);
      span.addEventListener("click", () => handlers.select(i));
      span.addEventListener("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); handlers.select(i); }
      });
      // Only a real mouse previews a source: a tap on a touch screen fires pointerenter too, and a
      // preview that never gets a pointerleave would leave two sentences marked.
      span.addEventListener("pointerenter", (e) => { if (e.pointerType === "mouse") handlers.preview(i, true); });
      span.addEventListener("pointerleave", (e) => { if (e.pointerType === "mouse") handlers.preview(i, false); });
      para.append(span, " ");
    }
    box.append(para);
  }
}

// An article's text with the summary's sentences marked (ids src-<i>) and, optionally, one
// more range marked as the focus (a timeline entry or an entity's mention).
export function renderBody(body, result, article, focus) {
  body.textContent = "";
  const text = article.text;
  const marks = result.sentences.map((s, i) => ({ start: s.start, end: s.end, i }))
    .filter((m) => result.sentences[m.i].article_id === article.id).sort((a, b) => a.start - b.start);
  // The focus goes inside the summary sentence that holds it (an entity named in a chosen sentence).
  const holder = focus && marks.find((m) => m.start <= focus.start && focus.end <= m.end);
  if (focus && !holder) {
    marks.push({ start: focus.start, end: focus.end, focus: true });
    marks.sort((a, b) => a.start - b.start || (a.focus ? -1 : 1));
  }
  const focusSpan = (from, to) => el("span", { class: "focus", tabindex: "-1" }, text.slice(from, to));
  let pos = 0;
  for (const m of marks) {
    if (m.start < pos) continue;
    body.append(text.slice(pos, m.start));
    if (m.focus) {
      body.append(focusSpan(m.start, m.end));
    } else {
      const span = el("span", { class: "used", id: `src-${m.i}`, "data-sent": String(m.i) });
      if (m === holder) span.append(text.slice(m.start, focus.start), focusSpan(focus.start, focus.end), text.slice(focus.end, m.end));
      else span.append(text.slice(m.start, m.end));
      body.append(span);
    }
    pos = m.end;
  }
  body.append(text.slice(pos));
}

export function renderSources(box, result, t, handlers) {
  box.textContent = "";
  result.articles.forEach((a, n) => {
    const used = result.sentences.filter((s) => s.article_id === a.id).length;
    const body = el("div", { class: "body", "data-article": a.id });
    renderBody(body, result, a, null);
    body.addEventListener("click", (e) => {
      const span = e.target.closest && e.target.closest(".used");
      if (span) handlers.select(+span.dataset.sent, { toSummary: true });
    });
    const head = el("h3", {}, a.title || t("noTitle"));
    const meta = el("p", { class: "meta" }, el("span", { class: "id" }, t("article", { n: n + 1 })));
    if (a.source) meta.append(" · ", el("span", { class: "outlet" }, a.source));
    if (a.published) meta.append(" · ", el("time", { datetime: a.published }, a.published));
    if (a.url && /^https?:\/\//i.test(a.url)) {
      meta.append(" · ", el("a", { href: a.url, rel: "noopener noreferrer", target: "_blank" }, t("url")));
    }
    if (a.duplicate_of) meta.append(el("span", { class: "badge dup" }, t("duplicateOf", { id: sourceName(result, a.duplicate_of, t) })));
    if (used) meta.append(el("span", { class: "badge" }, t(used === 1 ? "sentenceUsed" : "sentencesUsed", { n: used })));
    box.append(el("article", { class: "source" + (a.duplicate_of ? " duplicate" : ""), id: `article-${a.id}` }, head, meta, body));
  });
}

// "2024-03-12" -> "12/3/2024"; "--03-12" (year unknown) -> "12/3 (year unknown)"; "2024-03" -> "3/2024".
export function showDate(value, t) {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) return `${+m[3]}/${+m[2]}/${m[1]}`;
  if ((m = /^--(\d{2})-(\d{2})$/.exec(value))) return `${+m[2]}/${+m[1]} (${t("yearUnknown")})`;
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return `${+m[2]}/${m[1]}`;
  if ((m = /^--(\d{2})$/.exec(value))) return `${t("month", { m: +m[1] })} (${t("yearUnknown")})`;
  return value;
}

function eventsOf(timeline) {
  if (Array.isArray(timeline)) return timeline;
  return (timeline && (timeline.events || timeline.items)) || [];
}

export function renderTimeline(list, result, t, handlers) {
  list.textContent = "";
  const events = eventsOf(result.timeline);
  for (const ev of events) {
    const end = ev && typeof ev === "object" && /^\d{4}$/.test(String(ev.date_end || "")) ? `–${ev.date_end}` : "";
    const date = ev && typeof ev === "object" ? showDate(String(ev.date || ev.when || ""), t) + end : "";  // "2007–2009": a span of years
    const text = (ev && (ev.sentence || ev.text || ev.label)) || String(ev);
    const source = ev && Array.isArray(ev.sources) ? ev.sources[0] : null;
    const item = el("li", {}, date ? el("strong", {}, `${date}: `) : null);
    if (source && Number.isInteger(source.start)) {
      const names = [...new Set(ev.sources.map((s) => sourceName(result, s.article_id, t)))].join(", ");
      item.append(el("button", { type: "button", class: "linklike", title: t("goToSource"),
        onclick: () => handlers.focusRange(source.article_id, source.start, source.end) }, text),
      " ", el("span", { class: "cite" }, `— ${names}`));
    } else {
      item.append(text);
    }
    list.append(item);
  }
  return events.length;
}

const KINDS = { per: "people", person: "people", people: "people", loc: "places", location: "places", places: "places",
  org: "organizations", organization: "organizations", organizations: "organizations" };

// The first place an entity (or one of its variants) is written in an article that names it.
function firstMention(result, item) {
  const names = [item.name, ...(item.variants || [])].filter(Boolean).sort((a, b) => b.length - a.length);
  const ids = item.articles && item.articles.length ? item.articles : result.articles.map((a) => a.id);
  for (const id of ids) {
    const article = result.articles.find((a) => a.id === id);
    if (!article || !article.text) continue;
    for (const name of names) {
      const at = article.text.indexOf(name);
      if (at >= 0) return { id, start: at, end: at + name.length };
    }
  }
  return null;
}

export function renderEntities(box, result, t, handlers) {
  box.textContent = "";
  const entities = result.entities;
  let groups = {};
  if (Array.isArray(entities)) for (const item of entities) (groups[(item && item.type) || ""] ||= []).push(item);
  else if (entities && typeof entities === "object") groups = entities;
  let shown = 0;
  for (const [kind, items] of Object.entries(groups)) {
    const key = KINDS[kind.toLowerCase()] || "others";
    const row = el("p", { class: "entity-row" }, el("strong", {}, `${t(key)}: `));
    for (const item of Array.isArray(items) ? items : [items]) {
      const name = typeof item === "object" ? item.name || item.text || "" : String(item);
      if (!name) continue;
      const count = typeof item === "object" && item.mentions ? item.mentions : null;
      const role = typeof item === "object" && item.role ? item.role : null;
      const where = typeof item === "object" ? firstMention(result, item) : null;
      const chip = el(where ? "button" : "span", { type: where ? "button" : null, class: "chip", title: where ? t("goToSource") : null,
        onclick: where ? () => handlers.focusRange(where.id, where.start, where.end) : null },
      name, role ? el("span", { class: "role" }, ` · ${role}`) : null,
      count ? el("span", { class: "count" }, ` ${t("mentions", { n: count })}`) : null);
      row.append(chip, " ");
      shown += 1;
    }
    box.append(row);
  }
  return shown;
}

// What the summary's abbreviations stand for: each a chip; one the sources define opens its
// definition in the article, one from the common list says so.
export function renderAbbreviations(box, result, t, handlers) {
  box.textContent = "";
  const items = Array.isArray(result.abbreviations) ? result.abbreviations : [];
  let shown = 0;
  for (const item of items) {
    if (!item || !item.short || !item.full) continue;
    const where = item.article_id && Number.isInteger(item.start) && Number.isInteger(item.end);
    const chip = el(where ? "button" : "span", { type: where ? "button" : null, class: "chip",
      title: where ? t("goToSource") : t("fromList"),
      onclick: where ? () => handlers.focusRange(item.article_id, item.start, item.end) : null },
    el("strong", {}, item.short), `: ${item.full}`);
    box.append(shown ? "; " : "", chip);
    shown += 1;
  }
  return shown;
}

// The result as Markdown: headline, summary (events as bold-led paragraphs), numbered sources.
export function toMarkdown(result, t) {
  const number = new Map(result.articles.map((a, i) => [a.id, i + 1]));
  const lines = result.headline ? [`# ${result.headline}`, ""] : [];
  for (const group of paragraphs(result)) {
    const body = group.indexes.map((i) => `${result.sentences[i].text} [${number.get(result.sentences[i].article_id)}]`).join(" ");
    lines.push(group.label ? `**${group.label}:** ${body}` : body, "");
  }
  const notes = (Array.isArray(result.abbreviations) ? result.abbreviations : []).filter((a) => a && a.short && a.full);
  if (notes.length) lines.push(`*${t("abbreviations")}: ${notes.map((a) => `${a.short}: ${a.full}`).join("; ").replace(/([[\]])/g, "\\$1")}*`, "");
  const cited = result.articles.filter((a) => result.sentences.some((s) => s.article_id === a.id));
  if (cited.length) {
    lines.push(`## ${t("sourcesMd")}`, "");
    for (const a of cited) {
      const title = (a.title || t("article", { n: number.get(a.id) })).replace(/([[\]])/g, "\\$1");
      const named = a.url ? `[${title}](${a.url})` : title;
      const extra = [a.source, a.published].filter(Boolean).join(", ");
      lines.push(`- [${number.get(a.id)}] ${named}${extra ? ` — ${extra}` : ""}`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
