// The reader, arrived at from a search hit (?q=…#s2-3): the server has marked the query's
// words; bring the first mark of the hit's section (or of the page) into view. Without
// JavaScript the link still lands on the section, with its words marked.
window.addEventListener("load", function () {
  var hash = decodeURIComponent(location.hash.slice(1));
  var target = hash ? document.getElementById(hash) : null;
  var first = (target || document).querySelector(".fulltext mark");
  if (first) {
    first.classList.add("first-mark");
    first.scrollIntoView({ block: "center" });
  }
});
