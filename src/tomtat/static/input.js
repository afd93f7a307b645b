// The input side of the page: one box per article (text, outlet, date, link), splitting several
// articles pasted into one box, and turning the boxes into the service's article objects.
import { el } from "./render.js";

const SEPARATOR = /^\s*(?:-{3,}|={3,}|\*{3,}|_{3,})\s*$/m;
const TITLE_END = /[.!…:;,"”'’)»]$/;
let counter = 0;

// Several articles in one paste: blocks between separator lines ("---"), or, failing that,
// blocks after two or more blank lines that each open with a title-like line. Null: one article.
export function splitArticles(text) {
  const blocks = SEPARATOR.test(text) ? text.split(new RegExp(SEPARATOR.source, "gm")) : text.split(/\n\s*\n\s*\n+/);
  const articles = blocks.map((b) => b.trim()).filter(Boolean);
  if (articles.length < 2) return null;
  if (!SEPARATOR.test(text)) {
    const titled = articles.every((a) => {
      const lines = a.split("\n").filter((l) => l.trim());
      return lines.length >= 2 && lines[0].trim().length <= 200 && !TITLE_END.test(lines[0].trim());
    });
    if (!titled) return null;
  }
  return articles;
}

// The first line is the title when it reads as a headline; the service drops a photo caption
// given as a title (and takes the next line), so the page needs no caption rule of its own.
// With ``sapo``, the first paragraph after the title goes as the article's sapo (anchor_text):
// a marked sapo is read as the corpora give it, which scores higher than one left in the body.
export function articleFromText(text, { sapo = false } = {}) {
  const lines = text.trim().split("\n");
  const first = lines[0].trim();
  const article = lines.length > 1 && first.length <= 250 && !TITLE_END.test(first)
    ? { title: first, text: lines.slice(1).join("\n") } : { text };
  if (sapo) {
    const rest = article.text.split("\n");
    const at = rest.findIndex((line) => line.trim());
    // Only when a body is left after it: a lone paragraph stays the text.
    if (at >= 0 && rest.slice(at + 1).some((line) => line.trim())) {
      article.anchor_text = rest[at].trim();
      article.text = rest.slice(at + 1).join("\n");
    }
  }
  return article;
}

export function createBox(container, text, t, onChange) {
  counter += 1;
  const id = `art-${counter}`;
  const label = el("label", { for: `${id}-text`, class: "box-label" });
  const remove = el("button", { type: "button", class: "remove" }, "×");
  const ta = el("textarea", { id: `${id}-text`, rows: "6" });
  ta.value = text || "";
  const field = (name, type, extra) => {
    const input = el("input", { id: `${id}-${name}`, type, name, autocomplete: "off", ...(extra || {}) });
    return [el("label", { for: `${id}-${name}`, "data-i18n": name }, t(name)), input];
  };
  const meta = el("div", { class: "box-meta" },
    el("div", {}, ...field("outlet", "text")), el("div", {}, ...field("published", "date")),
    el("div", {}, ...field("url", "url", { inputmode: "url" })));
  const sapo = el("label", { class: "box-sapo" }, el("input", { type: "checkbox", name: "sapo" }),
    " ", el("span", { "data-i18n": "sapoFirst" }, t("sapoFirst")));
  const box = el("div", { class: "article-box" }, el("div", { class: "box-head" }, label, remove), ta, meta, sapo);
  remove.addEventListener("click", () => { box.remove(); onChange("removed"); });
  ta.addEventListener("input", () => onChange("input"));
  ta.addEventListener("paste", (e) => {
    const pasted = e.clipboardData && e.clipboardData.getData("text/plain");
    const parts = pasted && !ta.value.trim() ? splitArticles(pasted) : null;
    if (!parts) return;
    e.preventDefault();
    ta.value = parts[0];
    let last = box;
    const added = [];
    for (const part of parts.slice(1)) {
      const next = createBox(container, part, t, onChange);
      last.after(next.box);
      last = next.box;
      added.push(next.box);
    }
    onChange("split", { count: parts.length, original: pasted, first: ta, added });
  });
  container.append(box);
  return { box, textarea: ta };
}

// Number the boxes and give each its own accessible name ("Bài 2", "Xóa bài 2").
export function labelBoxes(container, t) {
  container.querySelectorAll(".article-box").forEach((box, i) => {
    box.querySelector(".box-label").textContent = t("article", { n: i + 1 });
    box.querySelector("textarea").placeholder = t("placeholder");
    const remove = box.querySelector(".remove");
    remove.title = t("remove", { n: i + 1 });
    remove.setAttribute("aria-label", t("remove", { n: i + 1 }));
    box.querySelector("input[name=outlet]").placeholder = t("outletPlaceholder");
    box.querySelector("input[name=url]").placeholder = "https://…";
    box.querySelectorAll("[data-i18n]").forEach((n) => { n.textContent = t(n.dataset.i18n); });
  });
}

// The filled boxes as service articles (ids bai-1, bai-2, … by box position).
export function articlesFromBoxes(container) {
  const out = [];
  container.querySelectorAll(".article-box").forEach((box, i) => {
    const text = box.querySelector("textarea").value;
    if (!text.trim()) return;
    const sapo = box.querySelector("input[name=sapo]").checked;
    const article = { id: `bai-${i + 1}`, ...articleFromText(text, { sapo }) };
    for (const name of ["outlet", "published", "url"]) {
      const value = box.querySelector(`input[name=${name}]`).value.trim();
      if (value) article[name === "outlet" ? "source" : name] = value;
    }
    out.push(article);
  });
  return out;
}
