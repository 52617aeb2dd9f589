// Pages and filters the findings embedded as JSON. Every post text goes in through textContent,
// never as markup, so a finding that quotes a post's HTML cannot run or load anything.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("postlint-data").textContent);
  var list = document.getElementById("finding-list");
  var info = document.getElementById("page-info");
  var pager = document.getElementById("pager");
  var pageOf = document.getElementById("page-of");
  var prev = document.getElementById("prev");
  var next = document.getElementById("next");
  var rule = document.getElementById("f-rule");
  var severity = document.getElementById("f-severity");
  var folder = document.getElementById("f-folder");
  var page = 0;
  var shown = data.findings;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function render(row) {
    var r = data.rules[row.r];
    var path = data.files[row.f];
    var li = el("li", "finding " + row.s);
    li.dataset.rule = r.code;
    li.dataset.severity = row.s;
    li.dataset.path = path;
    var head = el("div", "head");
    var code = el(r.url ? "a" : "span", "code", r.code);
    if (r.url) code.href = r.url;
    head.append(code, " ", el("span", "sev " + row.s, row.s), " ",
      el("code", "loc", path + ":" + row.l + ":" + row.c));
    li.append(head, el("p", "msg", data.texts[row.m]));
    if (row.e.length) {
      var pre = el("pre", "excerpt");
      row.e.forEach(function (line) {
        pre.append(el("span", "ln", String(line[0])), line[1]);
        if (line[2]) pre.append(el("mark", "", line[2]));
        pre.append(line[3] + "\n");
      });
      li.append(pre);
    }
    if (row.h !== undefined) li.append(el("p", "help", data.texts[row.h]));
    if (row.x !== undefined) li.append(el("p", "fix " + row.k, data.texts[row.x]));
    return li;
  }

  function draw() {
    var pages = Math.max(1, Math.ceil(shown.length / data.page));
    page = Math.min(page, pages - 1);
    var from = page * data.page;
    var rows = shown.slice(from, from + data.page);
    var fragment = document.createDocumentFragment();
    rows.forEach(function (row) { fragment.append(render(row)); });
    list.replaceChildren(fragment);
    info.textContent = shown.length === 0 ? "No findings match."
      : "Findings " + (from + 1) + "–" + (from + rows.length) + " of " + shown.length +
        (shown.length < data.findings.length ? " (filtered from " + data.findings.length + ")" : "") + ".";
    pageOf.textContent = "Page " + (page + 1) + " of " + pages;
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
    pager.hidden = pages < 2;
  }

  function filter() {
    var code = rule.value, sev = severity.value;
    var dir = folder.value === "" ? -1 : Number(folder.value);
    shown = data.findings.filter(function (row) {
      var dirs = data.file_folders[row.f];
      return (!code || data.rules[row.r].code === code) &&
        (!sev || row.s === sev) &&
        (dir < 0 || dirs[0] === dir || dirs[1] === dir);
    });
    page = 0;
    draw();
  }

  document.getElementById("filters").hidden = false;
  [rule, severity, folder].forEach(function (s) { s.addEventListener("change", filter); });
  prev.addEventListener("click", function () { page -= 1; draw(); });
  next.addEventListener("click", function () { page += 1; draw(); });
  pager.hidden = data.findings.length <= data.page;
  draw();
})();
