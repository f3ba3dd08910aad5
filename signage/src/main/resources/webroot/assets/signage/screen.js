// The waiting-room screen: swaps in the region the server renders at every change, highlights the
// newest call, and announces calls one after another (chime and speech) when sound is on.
(function () {
  const body = document.body;
  const region = document.getElementById('region');
  const texts = JSON.parse(document.getElementById('texts').textContent);
  const zone = body.dataset.zone;
  const sound = body.dataset.sound === 'true';
  const queue = [];
  let speaking = false;
  let freshUntil = 0;
  window.announcements = [];

  function tick() {
    const now = new Date();
    document.getElementById('time').textContent =
      new Intl.DateTimeFormat('da-DK', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(now);
    document.getElementById('date').textContent =
      new Intl.DateTimeFormat('da-DK', { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long' }).format(now);
  }
  tick();
  setInterval(tick, 1000);

  // The newest call stays highlighted for a few seconds, also across re-renders of the region.
  function highlight() {
    freshUntil = Date.now() + 8000;
    markFresh();
    setTimeout(markFresh, 8050);
  }
  function markFresh() {
    const latest = region.querySelector('.call.latest');
    if (latest) latest.classList.toggle('fresh', Date.now() < freshUntil);
  }

  // "P007" is read as "P 7".
  function spoken(number) {
    const m = /^([A-Z]+)0*(\d+)$/.exec(number);
    return m ? m[1] + ' ' + m[2] : number;
  }

  function chime() {
    try {
      const ctx = new (window.AudioContext || window.webkitAudioContext)();
      [660, 880].forEach(function (f, i) {
        const o = ctx.createOscillator();
        const g = ctx.createGain();
        o.frequency.value = f;
        g.gain.setValueAtTime(0.2, ctx.currentTime + i * 0.35);
        g.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + i * 0.35 + 0.6);
        o.connect(g).connect(ctx.destination);
        o.start(ctx.currentTime + i * 0.35);
        o.stop(ctx.currentTime + i * 0.35 + 0.6);
      });
    } catch (e) { /* no audio device */ }
  }

  function next() {
    if (speaking || queue.length === 0) return;
    speaking = true;
    const text = queue.shift();
    window.announcements.push(text);
    let finished = false;
    const done = function () { if (!finished) { finished = true; speaking = false; setTimeout(next, 400); } };
    chime();
    setTimeout(function () {
      if (!('speechSynthesis' in window)) { done(); return; }
      const u = new SpeechSynthesisUtterance(text);
      u.lang = 'da-DK';
      u.rate = 0.9;
      u.onend = done;
      u.onerror = done;
      speechSynthesis.speak(u);
      setTimeout(done, 6000); // some browsers never report the end
    }, 800);
  }

  function announce(call) {
    highlight();
    if (!sound) return;
    queue.push(Live.format(texts['screen.announce'], { number: spoken(call.number), desk: call.deskName }));
    next();
  }

  Live.connect('/screens/' + encodeURIComponent(body.dataset.screen) + '/live', {
    render: function (html) { region.innerHTML = html; markFresh(); },
    call: function (data) { announce(JSON.parse(data)); }
  }, { marker: document.getElementById('offline'), stale: region });
})();
