// Screens: swap in the region the server renders at every change, highlight the newest call (shown
// once, large), rotate the information slides (paused for a while after a call), take turns between
// languages where configured, and announce calls one after another (chime, then speech in each
// language; the words also go to a live region for screen readers).
(function () {
  const body = document.body;
  // The branch's colours: data attributes, since the page's policy allows no inline style.
  ['bg', 'fg', 'muted', 'accent'].forEach(function (k) {
    if (body.dataset[k]) body.style.setProperty('--' + k, body.dataset[k]);
  });
  const region = document.getElementById('region');
  const said = document.getElementById('said');
  const slides = Array.prototype.slice.call(document.querySelectorAll('.info .slide'));
  const zone = body.dataset.zone;
  const sound = body.dataset.sound === 'true';
  const FRESH_MS = 8000;
  const SLIDE_MS = 12000;
  const TURN_MS = 10000;
  const queue = [];
  let speaking = false;
  let freshUntil = 0;
  let slide = 0;
  // What was announced, newest last and never more than a few: tests and maintenance read it.
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

  if (body.classList.contains('alternate')) {
    setInterval(function () { body.classList.toggle('en-turn'); }, TURN_MS);
  }

  setInterval(function () {
    if (slides.length < 2 || Date.now() < freshUntil) return;
    slides[slide].classList.remove('shown');
    slide = (slide + 1) % slides.length;
    slides[slide].classList.add('shown');
  }, SLIDE_MS);

  // The newest call stays highlighted for a few seconds, also across re-renders of the region, as
  // long as it is the one shown large (it leaves when done, transferred or not shown up).
  let freshNumber = null;
  function highlight(call) {
    freshUntil = Date.now() + FRESH_MS;
    freshNumber = call.number;
    markFresh();
    setTimeout(markFresh, FRESH_MS + 50);
  }
  function markFresh() {
    const latest = region.querySelector('.call.latest');
    if (latest) latest.classList.toggle('fresh', Date.now() < freshUntil && latest.dataset.number === freshNumber);
  }

  // A long list of services shrinks a little, rather than lose its last lines off the screen.
  function fit() {
    const services = region.querySelector('.services');
    if (!services) return;
    let size = 1;
    services.style.fontSize = '';
    while (services.scrollHeight > services.clientHeight + 1 && size > 0.7) {
      size -= 0.05;
      services.style.fontSize = size + 'em';
    }
  }
  fit();

  // One audio context for the page's life: a browser starts it suspended until someone taps the page
  // (unless started with --autoplay-policy=no-user-gesture-required), and a suspended one is silent.
  let audio = null;
  if (sound) {
    try { audio = new (window.AudioContext || window.webkitAudioContext)(); } catch (e) { /* no audio device */ }
  }
  const screenSound = '/api/screens/' + encodeURIComponent(body.dataset.screen) + '/sound';
  let reported = null;
  let turnedOnBefore = false;

  // Says in a corner when the sound is off, and tells the node (which shows it on /ops). Once a tap
  // has turned this screen's sound on, the offer to tap is not made again; the notice still says the
  // truth after a reload (each load of the page needs its own tap).
  function soundState() {
    if (!audio) return;
    const playing = audio.state === 'running';
    const notice = document.getElementById('sound-notice');
    notice.hidden = playing;
    document.getElementById('sound-offer').hidden = turnedOnBefore;
    document.getElementById('sound-on').hidden = turnedOnBefore;
    document.getElementById('sound-again').hidden = !turnedOnBefore;
    if (reported !== playing) {
      reported = playing;
      report({ playing: playing });
    }
  }
  function report(what) {
    return fetch(screenSound, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(what) })
      .catch(function () { reported = null; });
  }
  function turnOn() {
    if (!audio || audio.state === 'running') return;
    audio.resume().then(function () {
      reported = true;
      turnedOnBefore = true;
      report({ playing: true, tapped: true });
      soundState();
    });
  }
  if (audio) {
    audio.onstatechange = soundState;
    document.getElementById('sound-on').addEventListener('click', turnOn);
    document.addEventListener('pointerdown', turnOn);
    fetch(screenSound).then(function (r) { return r.json(); })
      .then(function (s) { turnedOnBefore = !!s.turnedOn; }, function () { /* asked again at the next change */ })
      .then(function () { setTimeout(soundState, 300); });
  }

  function chime() {
    // Notes put on a suspended context would all sound at once when someone taps the screen.
    if (!audio || audio.state !== 'running') return;
    try {
      const ctx = audio;
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

  function say(parts, done) {
    if (parts.length === 0 || !('speechSynthesis' in window)) { done(); return; }
    let finished = false;
    const next = function () { if (!finished) { finished = true; say(parts.slice(1), done); } };
    const u = new SpeechSynthesisUtterance(parts[0].text);
    u.lang = parts[0].lang;
    u.rate = 0.9;
    u.onend = next;
    u.onerror = next;
    speechSynthesis.speak(u);
    setTimeout(next, 6000); // some browsers never report the end
  }

  // Calls close together wait their turn: each gets its chime and its words.
  function next() {
    if (speaking || queue.length === 0) return;
    speaking = true;
    const parts = queue.shift();
    window.announcements.push(parts.map(function (p) { return p.text; }).join(' / '));
    if (window.announcements.length > 20) window.announcements.shift();
    chime();
    setTimeout(function () {
      say(parts, function () { speaking = false; setTimeout(next, 400); });
    }, 800);
  }

  function announce(call) {
    highlight(call);
    said.textContent = call.announce.length ? call.announce.map(function (p) { return p.text; }).join(' / ')
      : call.number + ' → ' + call.deskName;
    if (!sound) return;
    queue.push(call.announce);
    next();
  }

  // Only the newest region is drawn, once per frame: a burst of changes (or a screen player slower
  // than the changes) costs one layout per frame, not one per change, and the screen keeps up.
  let pending = null;
  function draw() {
    const latest = pending;
    pending = null;
    region.innerHTML = latest.html;
    body.dataset.seq = latest.seq;
    markFresh();
    fit();
  }
  function render(html, e) {
    if (pending === null) requestAnimationFrame(draw);
    pending = { html: html, seq: e.lastEventId };
  }

  Live.connect('/screens/' + encodeURIComponent(body.dataset.screen) + '/live', {
    render: render,
    call: function (data) { announce(JSON.parse(data)); }
  }, { marker: document.getElementById('offline'), stale: document.querySelector('main.layout') });
})();
