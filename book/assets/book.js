// Page behaviour: theme toggle, sidebar toggle on narrow screens, arrow-key navigation, folded diff lines.
(function () {
  var book = (window.book = window.book || {});

  function currentTheme() {
    var chosen = document.documentElement.dataset.theme;
    if (chosen) return chosen;
    return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  document.getElementById("book-theme-toggle").addEventListener("click", function () {
    var next = currentTheme() === "dark" ? "light" : "dark";
    document.documentElement.dataset.theme = next;
    try {
      localStorage.setItem("book-theme", next);
    } catch (e) {
      // Not remembered across pages then; the toggle still works on this one.
    }
  });

  var menu = document.getElementById("book-menu-toggle");
  menu.addEventListener("click", function () {
    var open = document.body.classList.toggle("sidebar-open");
    menu.setAttribute("aria-expanded", open ? "true" : "false");
  });

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || typing(event.target)) return;
    var rel = event.key === "ArrowLeft" ? "prev" : event.key === "ArrowRight" ? "next" : null;
    var link = rel && document.querySelector('a[rel="' + rel + '"]');
    if (link) {
      event.preventDefault();
      window.location.href = link.href;
    }
  });

  document.querySelectorAll(".fold").forEach(function (fold) {
    fold.setAttribute("title", "Show the unchanged lines");
    fold.addEventListener("click", function () {
      fold.classList.add("open");
    });
  });

  book.ready = true;
})();
