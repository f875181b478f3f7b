// Let a long identifier in a table (chest_pain_or_breathlessness) wrap after an underscore,
// never in the middle of a word: a line-break opportunity (<wbr>) follows each underscore.
// Without JavaScript, legcramps.css still lets it wrap anywhere rather than widen the page.
document.addEventListener("DOMContentLoaded", () => {
  for (const code of document.querySelectorAll("table code.literal")) {
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    const texts = [];
    while (walker.nextNode()) texts.push(walker.currentNode);
    for (const text of texts) {
      const parts = text.data.split(/(?<=_)/);
      if (parts.length < 2) continue;
      const pieces = document.createDocumentFragment();
      parts.forEach((part, n) => {
        if (n) pieces.append(document.createElement("wbr"));
        pieces.append(part);
      });
      text.replaceWith(pieces);
    }
    code.classList.add("legcramps-wraps");
  }
});
