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

  // Players: each replays frames recorded at build time. Buttons, the slider, and the keys ← → Home End and space
  // while focus is inside the player (those keys then stay with the player instead of turning the page).
  book.players = {};
  document.querySelectorAll(".player").forEach(function (figure) {
    var frames = figure.querySelectorAll(".player-frame");
    var slider = figure.querySelector(".player-slider");
    var position = figure.querySelector(".player-position");
    var label = figure.querySelector(".player-label");
    var play = figure.querySelector('[data-action="play"]');
    var timer = null;
    var player = { step: 0, count: frames.length, playing: false };

    function show(step) {
      step = Math.max(0, Math.min(frames.length - 1, step));
      frames[player.step].hidden = true;
      frames[step].hidden = false;
      player.step = step;
      slider.value = String(step);
      position.textContent = step + 1 + " / " + frames.length;
      label.textContent = frames[step].dataset.label;
      if (step === frames.length - 1) stop();
    }

    function stop() {
      if (timer !== null) window.clearInterval(timer);
      timer = null;
      player.playing = false;
      play.removeAttribute("data-playing");
      play.setAttribute("aria-pressed", "false");
    }

    function toggle() {
      if (timer !== null) return stop();
      if (player.step === frames.length - 1) show(0);
      player.playing = true;
      play.setAttribute("data-playing", "");
      play.setAttribute("aria-pressed", "true");
      timer = window.setInterval(function () { show(player.step + 1); }, 700);
    }

    var actions = {
      first: function () { stop(); show(0); },
      previous: function () { stop(); show(player.step - 1); },
      next: function () { stop(); show(player.step + 1); },
      last: function () { stop(); show(frames.length - 1); },
      play: toggle,
    };
    figure.querySelectorAll("[data-action]").forEach(function (button) {
      button.addEventListener("click", actions[button.dataset.action]);
    });
    slider.addEventListener("input", function () { stop(); show(Number(slider.value)); });
    figure.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      var action = { ArrowLeft: "previous", ArrowRight: "next", Home: "first", End: "last", " ": "play" }[event.key];
      if (!action || (event.key === " " && event.target.tagName === "BUTTON")) return;
      event.preventDefault();
      event.stopPropagation();
      actions[action]();
    });

    player.show = function (step) { stop(); show(step); };
    player.next = actions.next;
    player.previous = actions.previous;
    book.players[figure.dataset.player] = player;
  });

  book.ready = true;
})();
