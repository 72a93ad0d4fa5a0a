/*
 * Paged.js 0.4.3 handlers for the report PDFs, in plain browser JavaScript.
 * Loaded into the print page before the Paged.js polyfill; the polyfill's `before` hook then calls
 * window.registerPrintHandlers(window.Paged) (see scripts/pdf/render-pdf.ts), which registers:
 *
 * 1. SplitTallBlocks: before the first page is laid out, measures the content at the width of a page and
 *    lets every "break-inside: avoid" block taller than a page (a table row, with its repeated header, or a
 *    figure) split after all. Otherwise Paged.js logs "Layout repeated" and silently drops the rest.
 * 2. RepeatTableHeader: on every page a table continues onto, copies the table's <colgroup> and <thead>
 *    into the continuation (Paged.js does not, upstream issue 36). It must run during layout: adding the
 *    header after layout (afterPageLayout) pushes rows off the page, which are then lost. Known gap: a page
 *    that begins in the middle of a row taller than a page shows no header row (see below).
 */
(function () {
  "use strict";

  /** Clone of a source element without Paged.js's data-ref ids (they must stay unique on the page). */
  function cloneWithoutRefs(element) {
    var copy = element.cloneNode(true);
    copy.removeAttribute("data-ref");
    copy.querySelectorAll("[data-ref]").forEach(function (child) {
      child.removeAttribute("data-ref");
    });
    return copy;
  }

  window.registerPrintHandlers = function (Paged) {
    class SplitTallBlocks extends Paged.Handler {
      beforePageLayout(page, content) {
        if (this.measured || !content) return;
        this.measured = true;
        var area = page.area;
        var limit = area.clientHeight;
        var probe = document.createElement("div");
        probe.style.cssText =
          "position:absolute;left:-100000px;top:0;visibility:hidden;width:" + area.clientWidth + "px";
        probe.appendChild(content.cloneNode(true));
        document.body.appendChild(probe);
        var measured = probe.querySelectorAll("*");
        var source = content.querySelectorAll("*");
        for (var i = 0; i < measured.length; i++) {
          var element = measured[i];
          if (getComputedStyle(element).breakInside !== "avoid") continue;
          var table = element.tagName === "TR" ? element.closest("table") : null;
          var header = table && table.tHead && !table.tHead.contains(element) ? table.tHead.offsetHeight : 0;
          if (element.getBoundingClientRect().height + header > limit) {
            source[i].style.breakInside = "auto";
          }
        }
        probe.remove();
      }
    }

    class RepeatTableHeader extends Paged.Handler {
      renderNode(clone, node) {
        var element = clone.nodeType === 1 ? clone : clone.parentElement;
        var table = element && element.closest("table[data-split-from]");
        if (!table || table.hasAttribute("data-header-repeated")) return;
        table.setAttribute("data-header-repeated", "");
        var sourceTable = (node.nodeType === 1 ? node : node.parentElement).closest("table");
        if (!sourceTable) return;
        // A page that starts inside a row (the rest of a row taller than a page) gets no header row:
        // with one, Paged.js 0.4.3 restarts the table from its first row ("Layout repeated").
        var atRow = clone.nodeType === 1 && /^(TR|TBODY|TFOOT)$/.test(clone.tagName);
        if (atRow && sourceTable.tHead && !sourceTable.tHead.contains(node)) {
          table.insertBefore(cloneWithoutRefs(sourceTable.tHead), table.firstChild);
        }
        var colgroup = sourceTable.querySelector(":scope > colgroup");
        if (colgroup) table.insertBefore(cloneWithoutRefs(colgroup), table.firstChild);
      }
    }

    Paged.registerHandlers(SplitTallBlocks, RepeatTableHeader);
  };
})();
