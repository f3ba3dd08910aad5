// The operations overview: one live stream per branch; every change redraws that branch.
(function () {
  const t = JSON.parse(document.getElementById('texts').textContent);
  const el = Live.el;

  function waitClass(s) {
    if (s.waiting === 0) return '';
    const ratio = s.longestWaitSeconds / s.targetWaitSeconds;
    return ratio >= 1 ? 'late' : ratio >= 0.5 ? 'near' : 'ok';
  }

  function chart(perHour) {
    const max = Math.max(1, Math.max.apply(null, perHour));
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 480 140');
    perHour.forEach(function (n, h) {
      const height = Math.round(110 * n / max);
      const r = document.createElementNS(ns, 'rect');
      r.setAttribute('x', h * 20 + 2);
      r.setAttribute('y', 115 - height);
      r.setAttribute('width', 16);
      r.setAttribute('height', height);
      const title = document.createElementNS(ns, 'title');
      title.textContent = h + ':00 – ' + n;
      r.appendChild(title);
      svg.appendChild(r);
      if (h % 3 === 0) {
        const label = document.createElementNS(ns, 'text');
        label.setAttribute('x', h * 20 + 2);
        label.setAttribute('y', 132);
        label.textContent = String(h).padStart(2, '0');
        svg.appendChild(label);
      }
    });
    return svg;
  }

  // The estimate's accuracy today, per service, from the statistics of the event log.
  const decimal = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  function percent(share, signed) {
    const p = Math.round(share * 100);
    return (signed && p > 0 ? '+' : '') + p + ' %';
  }

  function accuracy(section) {
    Live.request('/api/branches/' + encodeURIComponent(section.dataset.branch) + '/stats')
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (stats) {
        if (!stats) return;
        const names = section.names || {};
        const rows = stats.totals.filter(function (s) { return s.estimateCount > 0; }).map(function (s) {
          return el('tr', { 'data-service': s.service }, [
            el('td', { text: names[s.service] || s.service }),
            el('td', { class: 'num judged', text: String(s.estimateCount) }),
            el('td', { class: 'num rase', text: decimal.format(s.estimateRase) }),
            el('td', { class: 'num bias', text: percent(s.estimateBias, true) }),
            el('td', { class: 'num late-share', text: percent(s.calledLateShare, false) })]);
        });
        const body = section.querySelector('table.accuracy tbody');
        body.replaceChildren.apply(body, rows);
        section.querySelector('.accuracy-none').hidden = rows.length > 0;
        bookings(section, stats, names);
      })
      .catch(function () {});
  }

  // Today's booked times per service: how they ended so far, and the median minutes early (−) or
  // late at check-in and from the booked time to the call.
  function minutes(figures) {
    return figures.median === undefined || figures.median === null ? '' : String(Math.round(figures.median / 60));
  }

  function bookings(section, stats, names) {
    const rows = stats.totals.filter(function (s) { return s.bookings; }).map(function (s) {
      const b = s.bookings;
      return el('tr', { 'data-service': s.service }, [
        el('td', { text: names[s.service] || s.service }),
        el('td', { class: 'num booked', text: String(b.booked) }),
        el('td', { class: 'num checked-in', text: String(b.checkedIn) }),
        el('td', { class: 'num no-show', text: String(b.noShow) }),
        el('td', { class: 'num cancelled', text: String(b.cancelled) }),
        el('td', { class: 'num check-in', text: minutes(b.checkInSeconds) }),
        el('td', { class: 'num called-after', text: minutes(b.calledAfterSeconds) })]);
    });
    const body = section.querySelector('table.bookings tbody');
    body.replaceChildren.apply(body, rows);
    section.querySelector('.bookings-none').hidden = rows.length > 0;
  }

  function render(section, snap) {
    const names = {};
    snap.services.forEach(function (s) { names[s.id] = s.name.da; });
    const first = !section.names;
    section.names = names;
    if (first) accuracy(section);
    section.querySelector('tbody').replaceChildren.apply(section.querySelector('tbody'), snap.services.map(function (s) {
      // Citizens waiting that no open desk serves: red, whatever the wait so far.
      return el('tr', { 'data-service': s.id, class: s.unserved ? 'unserved' : null }, [
        el('td', { text: s.name.da }),
        el('td', { class: s.unserved ? 'late' : s.available ? 'ok' : '',
          text: s.unserved ? t['ops.unserved'] : s.appointmentOnly ? t['ops.appointment'] : s.available ? t['ops.yes'] : t['ops.no'] }),
        el('td', { class: 'num waiting' + (s.unserved ? ' late' : ''), text: String(s.waiting) }),
        el('td', { class: 'num ' + (s.unserved ? 'late' : waitClass(s)), text: s.waiting ? Live.duration(s.longestWaitSeconds, t) + ' / ' + Live.duration(s.targetWaitSeconds, t) : '' }),
        el('td', { class: 'num', text: s.estimatedWaitSeconds === undefined ? '' : Live.duration(s.estimatedWaitSeconds, t) })]);
    }));
    section.querySelector('.desks').replaceChildren.apply(section.querySelector('.desks'), snap.desks.map(function (d) {
      const what = d.services.length ? ': ' + d.services.map(function (id) { return names[id] || id; }).join(', ') : '';
      return el('li', { 'data-desk': d.id, 'data-state': d.state },
        [el('strong', { text: d.name }), ' ' + t['ops.state.' + d.state] + what]);
    }));
    const total = snap.issuedPerHour.reduce(function (a, b) { return a + b; }, 0);
    const holder = section.querySelector('.chart');
    holder.setAttribute('aria-label', Live.format(t['ops.chartLabel'], { n: total }));
    holder.dataset.total = total;
    holder.replaceChildren(chart(snap.issuedPerHour));
  }

  document.querySelectorAll('section.branch').forEach(function (section) {
    const update = function (data) {
      const d = JSON.parse(data);
      render(section, d.snapshot || d);
    };
    Live.connect('/api/branches/' + encodeURIComponent(section.dataset.branch) + '/events?client=ops',
      { snapshot: update, change: update }, { marker: document.getElementById('offline'), stale: section });
  });

  setInterval(function () {
    document.querySelectorAll('section.branch').forEach(accuracy);
  }, 5 * 60 * 1000);

  // Screens whose browser keeps the sound off, as they report it themselves.
  function sound() {
    fetch('/api/screens/sound').then(function (r) { return r.json(); }).then(function (screens) {
      const silent = screens.filter(function (s) { return s.playing === false; });
      document.getElementById('silent-screens').replaceChildren.apply(document.getElementById('silent-screens'),
        silent.map(function (s) {
          return el('li', { class: 'late', 'data-screen': s.screen, text: Live.format(t[s.turnedOn ? 'ops.sound.offAgain' : 'ops.sound.off'],
            { name: s.name, t: new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit' }).format(new Date(s.reportedAt)) }) });
        }));
      document.getElementById('sound-fine').hidden = silent.length > 0;
    }, function () { /* asked again shortly */ });
  }
  sound();
  setInterval(sound, 30000);

  function tick() {
    document.getElementById('clock').textContent = new Intl.DateTimeFormat('da-DK',
      { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit', weekday: 'long' }).format(new Date());
  }
  tick();
  setInterval(tick, 10000);
})();
