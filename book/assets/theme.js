// Runs in <head>, before the page paints: applies the theme the reader chose last time (if any).
(function () {
  try {
    var chosen = localStorage.getItem("book-theme");
    if (chosen === "light" || chosen === "dark") {
      document.documentElement.dataset.theme = chosen;
    }
  } catch (e) {
    // Storage can be unavailable (private windows, some file:// settings); the system theme applies then.
  }
})();
