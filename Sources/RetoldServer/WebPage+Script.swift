extension WebPage {
    static let script = #"""
    "use strict";
    // Every piece of article text goes into the page through textContent or text nodes, never
    // as markup, so a submitted article cannot inject elements or scripts.
    const $ = (id) => document.getElementById(id);

    function el(tag, attributes, ...children) {
      const node = document.createElement(tag);
      for (const [key, value] of Object.entries(attributes || {})) {
        if (key === "class") node.className = value; else node.setAttribute(key, value);
      }
      for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
      return node;
    }

    function showView(name) {
      for (const view of ["compare", "search", "clusters"]) {
        $("view-" + view).hidden = view !== name;
        $("tab-" + view).setAttribute("aria-pressed", String(view === name));
      }
    }

    function status(id, message, isError) {
      $(id).textContent = message;
      $(id).classList.toggle("error", Boolean(isError));
    }

    // A request whose failure becomes an Error with the API's one-line message.
    async function send(method, path, body) {
      const response = await fetch(path, {
        method, headers: body ? { "Content-Type": "application/json" } : {}, body: body ? JSON.stringify(body) : undefined,
      });
      if (!response.ok) {
        const data = await response.json().catch(() => ({}));
        throw new Error((data.error && data.error.message) || response.status + " " + response.statusText);
      }
      return response;
    }

    async function api(method, path, body) {
      return (await send(method, path, body)).json().catch(() => ({}));
    }

    // A pasted or opened text: HTML pages are sent as html so the server extracts the article.
    function payload(text, name) {
      return /^\s*<(!doctype|html|head|body)/i.test(text) ? { html: text, name } : { text, name };
    }

    function readFileInto(input, textarea) {
      input.addEventListener("change", () => {
        const file = input.files && input.files[0];
        if (!file) return;
        file.text().then((text) => { textarea.value = text; textarea.dataset.name = file.name; });
      });
    }

    // Words of a string with their code-point offsets.
    function words(text) {
      const chars = Array.from(text), out = [];
      let start = -1;
      for (let i = 0; i <= chars.length; i++) {
        const isWord = i < chars.length && /[\p{L}\p{N}]/u.test(chars[i]);
        if (isWord && start < 0) start = i;
        if (!isWord && start >= 0) { out.push({ word: chars.slice(start, i).join("").toLowerCase(), start, end: i }); start = -1; }
      }
      return out;
    }

    // Words of each side that the other side does not keep in order (longest common subsequence).
    function changedWords(a, b) {
      const n = a.length, m = b.length;
      const table = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
      for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--)
        table[i][j] = a[i].word === b[j].word ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
      const keptA = new Set(), keptB = new Set();
      for (let i = 0, j = 0; i < n && j < m;) {
        if (a[i].word === b[j].word) { keptA.add(i); keptB.add(j); i++; j++; }
        else if (table[i + 1][j] >= table[i][j + 1]) i++; else j++;
      }
      return [a.filter((_, i) => !keptA.has(i)), b.filter((_, j) => !keptB.has(j))];
    }

    // Renders a text with marked ranges: passages (colour by index), changed words, finding anchors.
    function renderSide(container, text, passages, changed, anchors) {
      const chars = Array.from(text);
      const points = new Set([0, chars.length]);
      for (const r of [...passages, ...changed, ...anchors]) { points.add(Math.max(0, r.start)); points.add(Math.min(chars.length, r.end)); }
      const sorted = [...points].sort((x, y) => x - y);
      container.replaceChildren();
      for (let k = 0; k + 1 < sorted.length; k++) {
        const start = sorted[k], end = sorted[k + 1];
        if (end <= start) continue;
        const piece = chars.slice(start, end).join("");
        const passage = passages.find((r) => r.start <= start && end <= r.end);
        const isChanged = changed.some((r) => r.start <= start && end <= r.end);
        const anchor = anchors.filter((r) => r.start <= start && end <= r.end);
        if (!passage && !isChanged && anchor.length === 0) { container.append(document.createTextNode(piece)); continue; }
        const node = el(passage ? "mark" : "span", {}, piece);
        const classes = [];
        if (passage) classes.push("passage", "p" + (passage.index % 8));
        if (isChanged) classes.push("changed");
        node.className = classes.join(" ");
        if (passage) node.dataset.passage = String(passage.index + 1);
        for (const a of anchor) {
          node.dataset.findings = ((node.dataset.findings || "") + " " + a.finding).trim();
          if (a.start === start && !document.getElementById(a.id)) node.id = a.id;
        }
        container.append(node);
      }
    }

    function percent(x) { return Math.round(x * 100) + "%"; }

    function coverageBar(label, value) {
      const bar = el("span", { class: "bar", role: "img", "aria-label": percent(value) }, el("span"));
      bar.firstChild.style.width = percent(value);
      return el("div", {}, label, bar, percent(value));
    }

    function showComparison(report) {
      $("compare-result").hidden = false;
      $("verdict").replaceChildren(el("strong", {}, report.relationship.replace(/-/g, " ")),
        " (confidence " + report.confidence.toFixed(2) + "). ", report.reason);
      $("coverage").replaceChildren(coverageBar("A found in B", report.coverage.a_in_b), coverageBar("B taken from A", report.coverage.b_from_a));
      const passagesA = [], passagesB = [], changedA = [], changedB = [], anchorsA = [], anchorsB = [], findings = [];
      report.passages.forEach((passage, index) => {
        passagesA.push({ start: passage.a.start, end: passage.a.end, index });
        passagesB.push({ start: passage.b.start, end: passage.b.end, index });
        for (const alignment of passage.alignments) {
          if (alignment.kind !== "verbatim") {
            const [onlyA, onlyB] = changedWords(words(alignment.a.text), words(alignment.b.text));
            for (const w of onlyA) changedA.push({ start: alignment.a.start + w.start, end: alignment.a.start + w.end });
            for (const w of onlyB) changedB.push({ start: alignment.b.start + w.start, end: alignment.b.start + w.end });
          }
          for (const finding of alignment.findings) {
            const number = findings.length;
            findings.push(finding);
            if (finding.a) anchorsA.push({ start: finding.a.start, end: finding.a.end, id: "finding-" + number + "-a", finding: number });
            if (finding.b) anchorsB.push({ start: finding.b.start, end: finding.b.end, id: "finding-" + number + "-b", finding: number });
          }
        }
      });
      renderSide($("side-a"), report.a.text || "", passagesA, changedA, anchorsA);
      renderSide($("side-b"), report.b.text || "", passagesB, changedB, anchorsB);
      const list = $("findings");
      list.replaceChildren();
      if (findings.length === 0) list.append(el("li", {}, "No changes that matter were found in the aligned passages."));
      findings.forEach((finding, number) => {
        const item = el("li", { class: finding.severity, tabindex: "0", "data-finding": String(number) },
          el("span", { class: "kind" }, finding.kind.replace(/-/g, " ")), finding.explanation);
        const select = () => selectFinding(number);
        item.addEventListener("click", select);
        item.addEventListener("keydown", (event) => { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); select(); } });
        list.append(item);
      });
    }

    function selectFinding(number) {
      for (const node of document.querySelectorAll(".finding-span")) node.classList.remove("finding-span");
      for (const item of document.querySelectorAll("#findings li")) item.removeAttribute("aria-current");
      const item = document.querySelector('#findings li[data-finding="' + number + '"]');
      if (item) item.setAttribute("aria-current", "true");
      for (const node of document.querySelectorAll("[data-findings]")) {
        if (node.dataset.findings.split(" ").includes(String(number))) node.classList.add("finding-span");
      }
      for (const side of ["a", "b"]) {
        const target = document.getElementById("finding-" + number + "-" + side);
        if (target) target.scrollIntoView({ block: "center", behavior: "smooth" });
      }
    }

    // The request of the comparison on show, which the report download sends again.
    let shownComparison = null;

    async function compare(event) {
      event.preventDefault();
      const a = $("text-a"), b = $("text-b");
      status("compare-status", "Comparing…");
      try {
        const request = { a: payload(a.value, a.dataset.name || "A"), b: payload(b.value, b.dataset.name || "B"), include_text: true };
        const report = await api("POST", "/v1/compare", request);
        status("compare-status", "");
        status("report-status", "");
        shownComparison = request;
        showComparison(report);
      } catch (error) {
        status("compare-status", error.message, true);
      }
    }

    // The server renders the page `retold compare --format html` writes; it is saved as a file.
    async function downloadReport() {
      if (!shownComparison) return;
      const button = $("download-report");
      button.disabled = true;
      status("report-status", "Preparing the report…");
      try {
        const blob = await (await send("POST", "/v1/compare/report", shownComparison)).blob();
        const url = URL.createObjectURL(blob);
        const link = el("a", { href: url, download: "report.html" });
        document.body.append(link);
        link.click();
        link.remove();
        // Revoked later, not at once: the browser reads the blob after the click returns.
        setTimeout(() => URL.revokeObjectURL(url), 60000);
        status("report-status", "");
      } catch (error) {
        status("report-status", error.message, true);
      } finally {
        button.disabled = false;
      }
    }

    async function search(event) {
      event.preventDefault();
      status("search-status", "Searching…");
      const list = $("search-results");
      list.replaceChildren();
      try {
        const report = await api("POST", "/v1/search", Object.assign(payload($("search-text").value, "query"), { limit: 10 }));
        status("search-status", report.results.length + " of " + report.indexed + " indexed documents share text with it.");
        for (const result of report.results) {
          const doc = result.document;
          list.append(el("li", {},
            el("strong", {}, "#" + doc.id + " " + (doc.title || doc.source_id)),
            " " + [doc.outlet, doc.published].filter(Boolean).join(", "),
            el("div", {}, result.relationship.replace(/-/g, " ") + ": " + percent(result.coverage.query_in_document)
              + " of the query found in it, " + percent(result.coverage.document_in_query) + " of it in the query; "
              + ({ "document-first": "it most likely came first", "query-first": "the query most likely came first" }[result.direction] || "order unknown"))));
        }
      } catch (error) {
        status("search-status", error.message, true);
      }
    }

    async function loadClusters() {
      status("clusters-status", "Grouping…");
      const box = $("clusters");
      box.replaceChildren();
      try {
        const report = await api("GET", "/v1/clusters");
        status("clusters-status", report.clusters.length + " clusters among " + report.indexed + " indexed documents." +
          (report.pending > 0 ? " " + report.pending + " not linked yet (retold clusters, or POST /v1/links, links them)." : ""));
        report.clusters.forEach((cluster, n) => {
          const members = [...cluster.members].sort((x, y) => (x.published || "~").localeCompare(y.published || "~"));
          const timeline = el("ol", { class: "timeline" });
          for (const doc of members) {
            timeline.append(el("li", {}, el("time", {}, doc.published || "undated"),
              el("strong", {}, "#" + doc.id + " "), (doc.title || doc.source_id) + (doc.outlet ? " (" + doc.outlet + ")" : ""),
              doc.id === cluster.earliest ? " (earliest, by " + cluster.earliest_basis + ")" : ""));
          }
          box.append(el("div", { class: "cluster" }, el("h2", {}, "Cluster " + (n + 1) + ": " + cluster.size + " copies of one story"), timeline));
        });
      } catch (error) {
        status("clusters-status", error.message, true);
      }
    }

    document.addEventListener("DOMContentLoaded", () => {
      for (const view of ["compare", "search", "clusters"]) $("tab-" + view).addEventListener("click", () => showView(view));
      readFileInto($("file-a"), $("text-a"));
      readFileInto($("file-b"), $("text-b"));
      $("compare-form").addEventListener("submit", compare);
      $("download-report").addEventListener("click", downloadReport);
      $("search-form").addEventListener("submit", search);
      $("clusters-load").addEventListener("click", loadClusters);
      // `retold serve --compare A B`: fill both sides and compare at once.
      fetch("/v1/opening").then((response) => response.ok ? response.json() : null).then((opening) => {
        if (!opening) return;
        $("text-a").value = opening.a.text; $("text-a").dataset.name = opening.a.name;
        $("text-b").value = opening.b.text; $("text-b").dataset.name = opening.b.name;
        $("compare-form").requestSubmit();
      }).catch(() => {});
    });
    """#
}
