// Every message the page shows, in Vietnamese and English. Service errors are mapped here from
// their language-neutral `error` name and `field` (never shown): the service's own `message`
// is for developers and is not displayed.
export const MESSAGES = {
  vi: {
    pageTitle: "Tóm tắt cụm tin — tomtat", pageTitleDone: "Đã tóm tắt {s} câu — tomtat",
    pageTitleBusy: "Đang tóm tắt… — tomtat", pageTitleError: "Lỗi — tomtat",
    title: "Tóm tắt cụm tin", inputHeading: "Bài báo",
    inputHint: "Dán mỗi bài vào một ô (dòng đầu là tiêu đề), hoặc kéo thả tệp .txt/.html vào đây. Nhiều bài dán vào một ô, ngăn bằng dòng ---, sẽ được tách ra.",
    drop: "Kéo thả tệp .txt, .html vào đây hoặc bấm để chọn tệp", add: "+ Thêm bài",
    length: "Độ dài", auto: "Tự động", syllables: "âm tiết", lengthValue: "Độ dài tóm tắt, tính bằng âm tiết",
    go: "Tóm tắt", summary: "Bản tóm tắt",
    summaryHint: "Bấm (hoặc chọn rồi nhấn Enter) vào một câu để xem câu gốc trong bài.", timeline: "Dòng thời gian",
    entities: "Người, địa danh và tổ chức", sources: "Bài nguồn", placeholder: "Dán tiêu đề và nội dung bài báo…",
    abbreviations: "Viết tắt", fromList: "theo danh mục viết tắt thường gặp",
    article: "Bài {n}", outlet: "Báo / nguồn", published: "Ngày đăng", url: "Đường dẫn",
    sapoFirst: "Đoạn đầu (sau tít) là sapo",
    outletPlaceholder: "VD: Báo Nhân Dân", working: "Đang tóm tắt…", done: "Xong: {s} câu từ {a} bài.",
    empty: "Hãy dán ít nhất một bài báo hoặc thả một tệp.",
    duplicateOf: "trùng với {id}", duplicate: "bài trùng", sentencesUsed: "{n} câu được dùng", sentenceUsed: "1 câu được dùng", remove: "Xóa bài {n}",
    removeFile: "Bỏ tệp {name}",
    network: "Không kết nối được máy chủ. Hãy thử lại.", badAnswer: "Máy chủ trả lời không hợp lệ (mã {s}).",
    warnings: "Lưu ý", people: "Người", places: "Địa danh", organizations: "Tổ chức", others: "Khác",
    sourceOf: "Nguồn: {name}, câu {i}", mentions: "{n} lần", noTitle: "(không có tiêu đề)",
    split: "Đã tách nội dung dán vào thành {n} bài.", undoSplit: "Gộp lại thành một bài",
    headline: "Tít gợi ý", headlineNote: "tiêu đề của bài gần với các bài khác nhất",
    unrelated: "{names} có vẻ nói về một chuyện khác (ít điểm chung với các bài còn lại). Hãy kiểm tra trước khi dùng bản tóm tắt.",
    copyMarkdown: "Sao chép Markdown", downloadMarkdown: "Tải về .md", copied: "Đã sao chép bản tóm tắt (Markdown).",
    copyFailed: "Không sao chép được; hãy dùng nút tải về.", sourcesMd: "Nguồn", goToSource: "Xem trong bài",
    yearUnknown: "chưa rõ năm", month: "tháng {m}",
    // service errors, by their `error` name
    NotVietnamese: "{where}: văn bản không giống tiếng Việt. tomtat chỉ tóm tắt tin tiếng Việt (có dấu).",
    EmptyText: "{where} trống.", EmptyInput: "Không còn nội dung nào sau khi bỏ phần thừa (quảng cáo, chú thích ảnh…).",
    TooManyArticles: "Quá nhiều bài: tối đa {max} bài một lần.", ArticleTooLong: "{where} quá dài.",
    TooManyClusters: "Quá nhiều cụm tin một lần.", BodyTooLarge: "Dữ liệu gửi lên quá lớn; hãy gửi ít bài hơn.",
    Timeout: "Tóm tắt quá lâu; hãy gửi ít bài hoặc bài ngắn hơn.", UnsupportedFile: "{where}: loại tệp không được hỗ trợ (chỉ .txt, .html, .json, .jsonl).",
    InvalidOption: "Tùy chọn độ dài không hợp lệ.", InvalidInput: "{where} không đọc được.",
    InternalError: "Máy chủ gặp lỗi nội bộ. Hãy thử lại hoặc báo cho người quản trị.",
    Unknown: "Máy chủ từ chối yêu cầu (mã {code}).",
    whereArticle: "Bài {n}", whereFile: "Tệp {n}", whereInput: "Nội dung gửi lên",
  },
  en: {
    pageTitle: "Summarize a news cluster — tomtat", pageTitleDone: "Summarized: {s} sentences — tomtat",
    pageTitleBusy: "Summarizing… — tomtat", pageTitleError: "Error — tomtat",
    title: "Summarize a news cluster", inputHeading: "Articles",
    inputHint: "Paste one article per box (first line is the title), or drop .txt/.html files here. Several articles pasted into one box, separated by a --- line, are split.",
    drop: "Drop .txt or .html files here, or click to choose files", add: "+ Add article",
    length: "Length", auto: "Automatic", syllables: "syllables", lengthValue: "Summary length in syllables",
    go: "Summarize", summary: "Summary",
    summaryHint: "Click a sentence (or focus it and press Enter) to see its source sentence in the article.", timeline: "Timeline",
    entities: "People, places and organisations", sources: "Source articles", placeholder: "Paste the title and text of an article…",
    abbreviations: "Abbreviations", fromList: "from the list of common abbreviations",
    article: "Article {n}", outlet: "Outlet", published: "Published", url: "Link",
    sapoFirst: "The first paragraph (after the headline) is the sapo (lead)",
    outletPlaceholder: "e.g. Nhân Dân", working: "Summarizing…", done: "Done: {s} sentences from {a} articles.",
    empty: "Paste at least one article or drop a file.",
    duplicateOf: "duplicate of {id}", duplicate: "duplicate", sentencesUsed: "{n} sentences used", sentenceUsed: "1 sentence used", remove: "Remove article {n}",
    removeFile: "Remove file {name}",
    network: "Could not reach the server. Please try again.", badAnswer: "The server gave an invalid answer (status {s}).",
    warnings: "Notes", people: "People", places: "Places", organizations: "Organisations", others: "Other",
    sourceOf: "Source: {name}, sentence {i}", mentions: "{n}×", noTitle: "(no title)",
    split: "The pasted text was split into {n} articles.", undoSplit: "Join them back into one article",
    headline: "Suggested headline", headlineNote: "the title of the article closest to the others",
    unrelated: "{names} seems to be about a different story (it shares little with the other articles). Check before using the summary.",
    copyMarkdown: "Copy as Markdown", downloadMarkdown: "Download .md", copied: "The summary was copied (Markdown).",
    copyFailed: "Could not copy; use the download button.", sourcesMd: "Sources", goToSource: "Show in the article",
    yearUnknown: "year unknown", month: "month {m}",
    NotVietnamese: "{where}: the text does not look Vietnamese. tomtat summarizes Vietnamese news (with diacritics).",
    EmptyText: "{where} is empty.", EmptyInput: "No text is left after removing clutter (ads, photo captions…).",
    TooManyArticles: "Too many articles: at most {max} at once.", ArticleTooLong: "{where} is too long.",
    TooManyClusters: "Too many clusters at once.", BodyTooLarge: "Too much data sent at once; send fewer articles.",
    Timeout: "Summarizing took too long; send fewer or shorter articles.", UnsupportedFile: "{where}: this kind of file is not supported (only .txt, .html, .json, .jsonl).",
    InvalidOption: "The length setting is not valid.", InvalidInput: "{where} could not be read.",
    InternalError: "The server hit an internal error. Try again or tell its administrator.",
    Unknown: "The server refused the request (code {code}).",
    whereArticle: "Article {n}", whereFile: "File {n}", whereInput: "The request",
  },
};

export function translate(lang, key, vars) {
  const text = (MESSAGES[lang] && MESSAGES[lang][key]) || MESSAGES.vi[key] || key;
  return text.replace(/\{(\w+)\}/g, (_, k) => (vars && k in vars ? String(vars[k]) : ""));
}

// A service error body {code, error, field, message, ...} -> {key, vars} of a message above.
// `field` only tells which article or file it is about ("articles.2.text" -> "Article 3").
export function serviceErrorMessage(body, status) {
  const field = (body && body.field) || "";
  let where = { key: "whereInput" };
  let m = /(?:^|\.)articles\.(\d+)/.exec(field);
  if (m) where = { key: "whereArticle", n: +m[1] + 1 };
  else if ((m = /^files\.(\d+)/.exec(field))) where = { key: "whereFile", n: +m[1] + 1 };
  const error = (body && body.error) || "";
  let key;
  if (error === "LimitExceeded") {  // which limit: told by the field it is about
    key = /\.text$|^files\.\d+$/.test(field) ? "ArticleTooLong" : field === "clusters" ? "TooManyClusters" : "TooManyArticles";
  } else if (["NotVietnamese", "EmptyText", "EmptyInput", "BodyTooLarge", "Timeout", "UnsupportedFile", "InternalError"].includes(error)) {
    key = error;
  } else if (error === "InvalidOption" || field.includes("options")) {
    key = "InvalidOption";
  } else if (error === "InputError" || error === "DecodeError" || error === "EmptyInputError") {
    key = field ? "InvalidInput" : "EmptyInput";
  } else if (status >= 500) {
    key = status === 503 ? "Timeout" : "InternalError";
  } else {
    key = "Unknown";
  }
  const max = /limit is (\d+)/.exec((body && body.message) || "");
  return { key, where, vars: { max: max ? max[1] : "", code: (body && body.code) || status } };
}
