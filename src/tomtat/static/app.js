// tomtat page: plain JavaScript, no build step. Talks to the same server's JSON API.
"use strict";
(function () {
  const T = {
    vi: {
      title: "Tóm tắt cụm tin", inputHeading: "Bài báo",
      inputHint: "Dán mỗi bài vào một ô (dòng đầu là tiêu đề), hoặc kéo thả tệp .txt/.html vào đây.",
      drop: "Kéo thả tệp .txt, .html vào đây hoặc bấm để chọn tệp", add: "+ Thêm bài", length: "Độ dài",
      short: "Ngắn", medium: "Vừa", long: "Dài", go: "Tóm tắt", summary: "Bản tóm tắt",
      summaryHint: "Di chuột hoặc bấm vào một câu để xem câu gốc trong bài.", timeline: "Dòng thời gian",
      entities: "Người và địa danh", sources: "Bài nguồn", placeholder: "Bài {n}: dán tiêu đề và nội dung bài báo…",
      working: "Đang tóm tắt…", done: "Xong: {s} câu từ {a} bài.", empty: "Hãy dán ít nhất một bài báo hoặc thả một tệp.",
      duplicateOf: "trùng với {id}", duplicate: "bài trùng", sentencesUsed: "{n} câu được dùng", remove: "Xóa bài",
      network: "Không kết nối được máy chủ. Hãy thử lại.", badAnswer: "Máy chủ trả lời không hợp lệ (mã {s}).",
      field: "trường", warnings: "Cảnh báo", people: "Người", places: "Địa danh", organizations: "Tổ chức", article: "Bài", sourceOf: "Nguồn: {id}, câu {i}",
    },
    en: {
      title: "Summarize a news cluster", inputHeading: "Articles",
      inputHint: "Paste one article per box (first line is the title), or drop .txt/.html files here.",
      drop: "Drop .txt or .html files here, or click to choose files", add: "+ Add article", length: "Length",
      short: "Short", medium: "Medium", long: "Long", go: "Summarize", summary: "Summary",
      summaryHint: "Hover or click a sentence to see its source sentence in the article.", timeline: "Timeline",
      entities: "People and places", sources: "Source articles", placeholder: "Article {n}: paste the title and text…",
      working: "Summarizing…", done: "Done: {s} sentences from {a} articles.", empty: "Paste at least one article or drop a file.",
      duplicateOf: "duplicate of {id}", duplicate: "duplicate", sentencesUsed: "{n} sentences used", remove: "Remove article",
      network: "Could not reach the server. Please try again.", badAnswer: "The server gave an invalid answer (status {s}).",
      field: "field", warnings: "Warnings", people: "People", places: "Places", organizations: "Organizations", article: "Article", sourceOf: "Source: {id}, sentence {i}",
    },
  };
  const LENGTHS = { short: { sentences: 3 }, auto: {}, long: { sentences: 8 } };
  let lang = localStorage.getItem("tomtat-lang") === "en" ? "en" : "vi";
  let files = [];
  let lastResult = null;
  let lastError = null;
  const $ = (id) => document.getElementById(id);
  const t = (key, vars) => (T[lang][key] || key).replace(/\{(\w+)\}/g, (_, k) => (vars && k in vars ? vars[k] : ""));
  const el = (tag, attrs, ...kids) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v; else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const kid of kids) if (kid !== null && kid !== undefined) node.append(kid);
    return node;
  };

  function applyLang() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-i18n]").forEach((n) => { n.textContent = t(n.dataset.i18n); });
    $("lang").textContent = lang === "vi" ? "EN" : "VI";
    $("lang").setAttribute("aria-label", lang === "vi" ? "English" : "Tiếng Việt");
    document.querySelectorAll(".article-box textarea").forEach((ta, i) => { ta.placeholder = t("placeholder", { n: i + 1 }); });
    document.querySelectorAll(".article-box .remove").forEach((b) => { b.title = t("remove"); b.setAttribute("aria-label", t("remove")); });
    if (lastResult) render(lastResult);
    if (lastError) showError(lastError);
  }

  function addBox(text) {
    const ta = el("textarea", { "aria-label": t("article") });
    ta.value = text || "";
    const box = el("div", { class: "article-box" }, ta,
      el("button", { type: "button", class: "remove", onclick: () => { box.remove(); applyLang(); } }, "×"));
    $("articles").append(box);
    applyLang();
    return ta;
  }

  function articleFromText(text) {
    const lines = text.trim().split("\n");
    const first = lines[0].trim();
    if (lines.length > 1 && first.length <= 250 && !/[.!…:;,"”'’)»]$/.test(first)) {
      return { title: first, text: lines.slice(1).join("\n") };
    }
    return { text: text };
  }

  function setBusy(busy) {
    $("go").disabled = busy;
    $("status").classList.toggle("busy", busy);
    $("status").textContent = busy ? t("working") : "";
    document.body.setAttribute("aria-busy", busy ? "true" : "false");
  }

  function showError(err) {
    lastError = err;
    const box = $("error");
    if (!err) { box.hidden = true; box.textContent = ""; return; }
    let msg = err.key ? t(err.key, err.vars) : (lang === "vi" && err.message_vi) || err.message || String(err);
    if (err.field) msg += ` (${t("field")}: ${err.field})`;
    if (lang === "vi" && err.message_vi && err.message && err.message_vi !== err.message) msg += ` — ${err.message}`;
    box.textContent = msg;
    box.hidden = false;
  }

  async function submit() {
    showError(null);
    const texts = [...document.querySelectorAll(".article-box textarea")].map((ta) => ta.value).filter((v) => v.trim());
    if (!texts.length && !files.length) { showError({ key: "empty" }); $("result").hidden = true; return; }
    const options = LENGTHS[document.querySelector("input[name=length]:checked").value] || {};
    let request;
    if (files.length) {
      const form = new FormData();
      texts.forEach((text, i) => form.append("files", new Blob([text], { type: "text/plain" }), `bai-${i + 1}.txt`));
      files.forEach((f) => form.append("files", f, f.name));
      form.append("options", JSON.stringify(options));
      request = fetch("/summarize/files", { method: "POST", body: form });
    } else {
      const articles = texts.map((text, i) => Object.assign({ id: `bai-${i + 1}` }, articleFromText(text)));
      request = fetch("/summarize", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ articles, options }) });
    }
    setBusy(true);
    try {
      let response;
      try { response = await request; } catch (e) { showError({ key: "network" }); return; }
      let body;
      try { body = await response.json(); } catch (e) { showError({ key: "badAnswer", vars: { s: response.status } }); return; }
      if (!response.ok) {
        lastResult = null;
        $("result").hidden = true;
        showError(body && body.message ? body : { key: "badAnswer", vars: { s: response.status } });
        return;
      }
      lastResult = body;
      render(body);
      $("status").classList.remove("busy");
      $("status").textContent = t("done", { s: body.sentences.length, a: body.articles.length });
    } finally {
      $("go").disabled = false;
      if ($("status").classList.contains("busy")) $("status").textContent = "";
      $("status").classList.remove("busy");
      document.body.setAttribute("aria-busy", "false");
    }
  }

  function activate(i, on, scroll) {
    document.querySelectorAll(`[data-sent="${i}"]`).forEach((n) => n.classList.toggle("active", on));
    if (scroll) {
      const target = $(`src-${i}`);
      if (target) target.scrollIntoView({ behavior: "smooth", block: "center" });
    }
  }

  function render(result) {
    const summary = $("summary");
    summary.textContent = "";
    result.sentences.forEach((s, i) => {
      const link = el("a", { href: `#src-${i}`, class: "src-link", title: t("sourceOf", { id: s.article_id, i: s.sentence_index + 1 }) },
        `[${s.article_id}]`);
      const span = el("span", { class: "sent", "data-sent": String(i), tabindex: "0" }, s.text, link);
      span.addEventListener("mouseenter", () => activate(i, true, false));
      span.addEventListener("mouseleave", () => activate(i, false, false));
      span.addEventListener("click", (e) => {
        e.preventDefault();
        document.querySelectorAll(".active").forEach((n) => n.classList.remove("active"));
        activate(i, true, true);
        history.replaceState(null, "", `#src-${i}`);
      });
      summary.append(span, " ");
    });
    const sources = $("sources");
    sources.textContent = "";
    for (const a of result.articles) {
      const used = result.sentences.map((s, i) => ({ s, i })).filter((x) => x.s.article_id === a.id)
        .sort((x, y) => x.s.start - y.s.start);
      const body = el("div", { class: "body" });
      let pos = 0;
      for (const { s, i } of used) {
        if (s.start < pos) continue;
        body.append(a.text.slice(pos, s.start));
        body.append(el("span", { class: "used", id: `src-${i}`, "data-sent": String(i) }, a.text.slice(s.start, s.end)));
        pos = s.end;
      }
      body.append(a.text.slice(pos));
      const head = el("h3", {}, a.title || a.id, " ", el("span", { class: "id" }, `(${a.id})`));
      if (a.duplicate_of) head.append(el("span", { class: "badge dup" }, t("duplicateOf", { id: a.duplicate_of })));
      if (used.length) head.append(el("span", { class: "badge" }, t("sentencesUsed", { n: used.length })));
      sources.append(el("article", { class: "source" + (a.duplicate_of ? " duplicate" : ""), id: `article-${a.id}` }, head, body));
    }
    renderTimeline(result.timeline);
    renderEntities(result.entities);
    const warnings = $("warnings");
    warnings.textContent = result.warnings && result.warnings.length ? `${t("warnings")}: ${result.warnings.join("; ")}` : "";
    $("result").hidden = false;
  }

  function label(item) {
    if (item === null || item === undefined) return "";
    if (typeof item !== "object") return String(item);
    return item.name || item.text || item.event || item.summary || item.sentence || item.label || JSON.stringify(item);
  }

  // "2024-03-12" -> "12/3/2024"; "--03-12" (year unknown) -> "12/3 (chưa rõ năm)"; "2024-03" -> "3/2024".
  function showDate(value) {
    const unknown = lang === "vi" ? " (chưa rõ năm)" : " (year unknown)";
    const monthWord = lang === "vi" ? "tháng " : "month ";
    let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (m) return `${+m[3]}/${+m[2]}/${m[1]}`;
    if ((m = /^--(\d{2})-(\d{2})$/.exec(value))) return `${+m[2]}/${+m[1]}${unknown}`;
    if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return `${+m[2]}/${m[1]}`;
    if ((m = /^--(\d{2})$/.exec(value))) return `${monthWord}${+m[1]}${unknown}`;
    return value;
  }

  function renderTimeline(timeline) {
    const panel = $("timeline-panel");
    const list = Array.isArray(timeline) ? timeline : (timeline && (timeline.events || timeline.items)) || null;
    panel.hidden = !list || !list.length;
    const ol = $("timeline");
    ol.textContent = "";
    if (!list) return;
    for (const ev of list) {
      const date = ev && typeof ev === "object" ? showDate(String(ev.date || ev.when || "")) : "";
      ol.append(el("li", {}, date ? el("strong", {}, `${date}: `) : null, label(ev)));
    }
  }

  function renderEntities(entities) {
    const panel = $("entities-panel");
    const box = $("entities");
    box.textContent = "";
    if (!entities || (Array.isArray(entities) && !entities.length) || (typeof entities === "object" && !Object.keys(entities).length)) {
      panel.hidden = true; return;
    }
    panel.hidden = false;
    let groups = entities;
    if (Array.isArray(entities)) {  // tomtat's shape: a list of {name, type: PER|LOC|ORG, ...}
      groups = {};
      for (const item of entities) (groups[(item && item.type) || ""] ||= []).push(item);
    }
    for (const [kind, items] of Object.entries(groups)) {
      const kinds = { person: "people", per: "people", persons: "people", location: "places", loc: "places",
        locations: "places", place: "places", organization: "organizations", org: "organizations" };
      const key = kinds[kind.toLowerCase()] || kind.toLowerCase();
      const shown = T[lang][key] || kind;
      const row = el("p", {}, kind ? el("strong", {}, `${shown}: `) : null);
      for (const item of Array.isArray(items) ? items : [items]) row.append(el("span", { class: "chip" }, label(item)));
      box.append(row);
    }
  }

  function addFiles(list) {
    for (const f of list) files.push(f);
    const ul = $("files");
    ul.textContent = "";
    files.forEach((f, i) => ul.append(el("li", {}, f.name, " ",
      el("button", { type: "button", class: "remove", onclick: () => { files.splice(i, 1); addFiles([]); } }, "×"))));
  }

  document.addEventListener("DOMContentLoaded", () => {
    addBox(); addBox();
    $("add").addEventListener("click", () => addBox().focus());
    $("go").addEventListener("click", submit);
    $("lang").addEventListener("click", () => { lang = lang === "vi" ? "en" : "vi"; localStorage.setItem("tomtat-lang", lang); applyLang(); });
    const drop = $("drop");
    drop.addEventListener("click", () => $("file-input").click());
    drop.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") $("file-input").click(); });
    $("file-input").addEventListener("change", (e) => { addFiles(e.target.files); e.target.value = ""; });
    for (const name of ["dragenter", "dragover"]) drop.addEventListener(name, (e) => { e.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); addFiles(e.dataTransfer.files); });
    applyLang();
  });
})();
