// tomtat page: plain JavaScript modules, no build step. Talks to the same server's JSON API.
import { serviceErrorMessage, translate } from "./i18n.js";
import { articlesFromBoxes, createBox, labelBoxes } from "./input.js";
import { el, renderAbbreviations, renderBody, renderEntities, renderSources, renderSummary, renderTimeline, sourceName, toMarkdown } from "./render.js";

let lang = localStorage.getItem("tomtat-lang") === "en" ? "en" : "vi";
let files = [];
let lastResult = null;
let lastError = null;   // {key, vars, where} shown in #error
let lastStatus = null;  // {key, vars} shown in #status
let lastSplit = null;   // the last paste split into several boxes, to undo it
let selected = null;    // the summary sentence whose source is marked (a click, Enter)
const $ = (id) => document.getElementById(id);
const t = (key, vars) => translate(lang, key, vars);
const reduceMotion = () => window.matchMedia("(prefers-reduced-motion: reduce)").matches;

function setTitle(key, vars) { document.title = t(key, vars); document.documentElement.dataset.titleKey = key; }

function applyLang() {
  document.documentElement.lang = lang;
  document.querySelectorAll("[data-i18n]").forEach((n) => { n.textContent = t(n.dataset.i18n); });
  document.querySelectorAll("[data-i18n-label]").forEach((n) => n.setAttribute("aria-label", t(n.dataset.i18nLabel)));
  $("lang").textContent = lang === "vi" ? "EN" : "VI";
  $("lang").setAttribute("aria-label", lang === "vi" ? "English" : "Tiếng Việt");
  labelBoxes($("articles"), t);
  drawFiles();
  const titleKey = document.documentElement.dataset.titleKey || "pageTitle";
  setTitle(titleKey, lastResult ? { s: lastResult.sentences.length } : {});
  showStatus(lastStatus);
  showError(lastError);
  showSplit(lastSplit);
  if (lastResult) render(lastResult, false);
}

function showStatus(status) {
  lastStatus = status;
  $("status").textContent = status ? t(status.key, status.vars) : "";
}

function showError(err) {
  lastError = err;
  const box = $("error");
  if (!err) {
    box.hidden = true;
    box.textContent = "";
    if (document.documentElement.dataset.titleKey === "pageTitleError") setTitle("pageTitle");
    return;
  }
  const where = err.where ? t(err.where.key, err.where) : "";
  box.textContent = t(err.key, { ...(err.vars || {}), where });
  box.hidden = false;
  setTitle("pageTitleError");
}

function showSplit(split) {
  lastSplit = split;
  const note = $("split-note");
  note.textContent = "";
  note.hidden = !split;
  if (!split) return;
  note.append(t("split", { n: split.count }), " ",
    el("button", { type: "button", class: "linklike", onclick: undoSplit }, t("undoSplit")));
}

function undoSplit() {
  if (!lastSplit) return;
  lastSplit.added.forEach((box) => box.remove());
  lastSplit.first.value = lastSplit.original;
  lastSplit.first.focus();
  showSplit(null);
  labelBoxes($("articles"), t);
}

// An error is about the text as it was sent: once the text changes, it no longer applies.
function onBoxChange(what, detail) {
  if ((what === "input" || what === "split") && lastError) { showError(null); showStatus(null); }
  if (what === "split") showSplit(detail);
  labelBoxes($("articles"), t);
}

function addBox(text) { return createBox($("articles"), text, t, onBoxChange); }

function lengthOptions() {
  if ($("length-auto").checked) return {};
  return { syllables: Math.max(20, Math.min(2000, parseInt($("length-value").value, 10) || 200)) };
}

async function submit() {
  showError(null);
  const articles = articlesFromBoxes($("articles"));
  if (!articles.length && !files.length) { showError({ key: "empty" }); $("result").hidden = true; return; }
  const options = lengthOptions();
  let request;
  if (files.length) {  // files go as uploads; pasted boxes travel with them as .json files (outlet, date, link kept)
    const form = new FormData();
    articles.forEach((a) => form.append("files", new Blob([JSON.stringify(a)], { type: "application/json" }), `${a.id}.json`));
    files.forEach((f) => form.append("files", f, f.name));
    form.append("options", JSON.stringify(options));
    request = () => fetch("/summarize/files", { method: "POST", body: form });
  } else {
    request = () => fetch("/summarize", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ articles, options }) });
  }
  $("go").disabled = true;
  $("status").classList.add("busy");
  showStatus({ key: "working" });
  setTitle("pageTitleBusy");
  document.body.setAttribute("aria-busy", "true");
  try {
    let response;
    try { response = await request(); } catch (e) { showStatus(null); showError({ key: "network" }); return; }
    let body;
    try { body = await response.json(); } catch (e) { showStatus(null); showError({ key: "badAnswer", vars: { s: response.status } }); return; }
    if (!response.ok) {
      lastResult = null;
      $("result").hidden = true;
      showStatus(null);
      showError(serviceErrorMessage(body, response.status));
      return;
    }
    lastResult = body;
    selected = null;
    showStatus({ key: "done", vars: { s: body.sentences.length, a: body.articles.length } });
    setTitle("pageTitleDone", { s: body.sentences.length });
    if ($("length-auto").checked && body.budget_syllables) {  // show what "automatic" chose
      $("length-value").value = body.budget_syllables;
      $("length-range").value = body.budget_syllables;
    }
    render(body, true);
  } finally {
    $("go").disabled = false;
    $("status").classList.remove("busy");
    document.body.setAttribute("aria-busy", "false");
  }
}

function scrollTo(node) {
  node.scrollIntoView({ behavior: reduceMotion() ? "auto" : "smooth", block: "center", inline: "nearest" });
}

// Mark sentence i and its source; the mark stays until another sentence is chosen.
function select(i, how) {
  selected = i;
  document.querySelectorAll(".selected").forEach((n) => n.classList.remove("selected"));
  document.querySelectorAll(".focus").forEach((n) => n.classList.remove("focus"));
  document.querySelectorAll(`[data-sent="${i}"]`).forEach((n) => n.classList.add("selected"));
  const target = how && how.toSummary ? document.querySelector(`#summary [data-sent="${i}"]`) : $(`src-${i}`);
  if (target) scrollTo(target);
  if (how && how.toSummary && target) target.focus({ preventScroll: true });
}

// A mouse hovering a sentence previews its source; it never touches the selected one.
function preview(i, on) {
  document.querySelectorAll(`[data-sent="${i}"]`).forEach((n) => n.classList.toggle("hovered", on));
}

// A timeline entry or an entity: mark that range in its article and bring it into view.
function focusRange(articleId, start, end) {
  const article = lastResult && lastResult.articles.find((a) => a.id === articleId);
  const body = article && document.querySelector(`.body[data-article="${CSS.escape(articleId)}"]`);
  if (!body || !article.text) return;
  renderBody(body, lastResult, article, { start, end });
  if (selected !== null) document.querySelectorAll(`[data-sent="${selected}"]`).forEach((n) => n.classList.add("selected"));
  const mark = body.querySelector(".focus");
  if (mark) { scrollTo(mark); mark.focus({ preventScroll: true }); }
}

const handlers = { select, preview, focusRange };

function render(result, fresh) {
  renderSummary($("summary"), result, t, handlers);
  renderSources($("sources"), result, t, handlers);
  $("timeline-panel").hidden = !renderTimeline($("timeline"), result, t, handlers);
  $("entities-panel").hidden = !renderEntities($("entities"), result, t, handlers);
  $("abbreviations").hidden = !renderAbbreviations($("abbreviations").querySelector(".items"), result, t, handlers);
  const headline = $("headline");
  headline.hidden = !result.headline;
  headline.querySelector(".text").textContent = result.headline || "";
  const unrelated = (result.cohesion && result.cohesion.unrelated) || [];
  $("unrelated").hidden = !unrelated.length;
  $("unrelated").textContent = unrelated.length
    ? t("unrelated", { names: unrelated.map((id) => sourceName(result, id, t)).join(", ") }) : "";
  // Reading notes come from the library in English (technical detail): counted in the reader's
  // language, listed under it marked lang="en".
  const warnings = $("warnings");
  warnings.textContent = "";
  warnings.hidden = !(result.warnings && result.warnings.length);
  if (!warnings.hidden) {
    warnings.append(el("summary", {}, `${t("warnings")} (${result.warnings.length})`),
      el("ul", { lang: "en" }, ...result.warnings.map((w) => el("li", {}, w))));
  }
  if (selected !== null) select(selected);
  $("result").hidden = false;
  if (fresh) {  // a new result: bring it into view and move focus to it
    const heading = $("result-h");
    heading.scrollIntoView({ behavior: "auto", block: "start" });
    heading.focus({ preventScroll: true });
  }
}

async function copyMarkdown() {
  if (!lastResult) return;
  const text = toMarkdown(lastResult, t);
  try {
    await navigator.clipboard.writeText(text);
    showStatus({ key: "copied" });
  } catch (e) {
    showStatus({ key: "copyFailed" });
  }
}

function downloadMarkdown() {
  if (!lastResult) return;
  const url = URL.createObjectURL(new Blob([toMarkdown(lastResult, t)], { type: "text/markdown;charset=utf-8" }));
  const link = el("a", { href: url, download: "tom-tat.md" });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function drawFiles() {
  const ul = $("files");
  ul.textContent = "";
  files.forEach((f, i) => ul.append(el("li", {}, f.name, " ",
    el("button", { type: "button", class: "remove", "aria-label": t("removeFile", { name: f.name }), title: t("removeFile", { name: f.name }),
      onclick: () => { files.splice(i, 1); drawFiles(); } }, "×"))));
}

function addFiles(list) {
  for (const f of list) files.push(f);
  if (files.length && lastError && lastError.key === "empty") showError(null);
  drawFiles();
}

document.addEventListener("DOMContentLoaded", () => {
  addBox(); addBox();
  $("add").addEventListener("click", () => { const { textarea } = addBox(); labelBoxes($("articles"), t); textarea.focus(); });
  $("go").addEventListener("click", submit);
  $("copy-md").addEventListener("click", copyMarkdown);
  $("download-md").addEventListener("click", downloadMarkdown);
  $("lang").addEventListener("click", () => { lang = lang === "vi" ? "en" : "vi"; localStorage.setItem("tomtat-lang", lang); applyLang(); });
  const auto = $("length-auto");
  const sync = (from, to) => { to.value = from.value; };
  $("length-range").addEventListener("input", () => { auto.checked = false; sync($("length-range"), $("length-value")); });
  $("length-value").addEventListener("input", () => { auto.checked = false; sync($("length-value"), $("length-range")); });
  const drop = $("drop");
  drop.addEventListener("click", () => $("file-input").click());
  drop.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); $("file-input").click(); } });
  $("file-input").addEventListener("change", (e) => { addFiles(e.target.files); e.target.value = ""; });
  for (const name of ["dragenter", "dragover"]) drop.addEventListener(name, (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); addFiles(e.dataTransfer.files); });
  applyLang();
});
