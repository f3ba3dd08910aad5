// The citizen's phone: live position and expected wait, and the desk when called.
(function () {
  const body = document.body;
  const ticketId = body.dataset.ticket;
  const all = JSON.parse(document.getElementById('texts').textContent);
  const el = Live.el;
  let t = all.da;
  let lastState = null;

  function show(tk) {
    if (tk.language === 'en') t = all.en;
    const parts = [el('p', { class: 'label', text: t['phone.yourNumber'] }),
      el('p', { class: 'ticket-number', id: 'ticket-number', text: tk.number }),
      el('p', { class: 'ticket-service', text: tk.serviceName.da })];
    if (tk.state === 'waiting') {
      parts.push(el('p', { class: 'position', id: 'position', text: Live.format(t['phone.position'], { n: tk.position }) }));
      if (tk.estimatedWaitSeconds !== undefined) {
        parts.push(el('p', { text: Live.format(t['phone.wait'], { w: Live.minutes(tk.estimatedWaitSeconds, t) }) }));
      }
    } else if (tk.state === 'called') {
      parts.push(el('p', { class: 'called', id: 'called', text: t['phone.called'] }));
      parts.push(el('p', { class: 'go-to', id: 'go-to', text: Live.format(t['phone.goTo'], { desk: tk.deskName }) }));
      if (lastState !== 'called') {
        if (navigator.vibrate) navigator.vibrate([300, 150, 300]);
        if (window.Notification && Notification.permission === 'granted') {
          new Notification(tk.number + ': ' + Live.format(t['phone.goTo'], { desk: tk.deskName }));
        }
      }
    } else if (tk.state === 'serving') {
      parts.push(el('p', { class: 'go-to', text: Live.format(t['phone.serving'], { desk: tk.deskName }) }));
    } else {
      const key = tk.state === 'done' ? 'phone.done' : tk.state === 'no_show' ? 'phone.noShow' : 'phone.cancelled';
      parts.push(el('p', { class: 'ended', text: t[key] }));
    }
    lastState = tk.state;
    const status = document.getElementById('status');
    status.replaceChildren.apply(status, parts);
    const leave = document.getElementById('leave');
    leave.textContent = t['phone.leave'];
    leave.hidden = !(tk.state === 'waiting' || tk.state === 'called');
  }

  function refresh() {
    Live.request('/api/tickets/' + encodeURIComponent(ticketId)).then(function (r) {
      if (r.status === 404) {
        document.getElementById('status').replaceChildren(el('p', { text: t['phone.unknown'] }));
        return null;
      }
      return r.ok ? r.json() : null;
    }).then(function (tk) { if (tk) show(tk); }).catch(function () { /* the stream marks us offline */ });
  }

  document.getElementById('leave').addEventListener('click', function () {
    if (!confirm(t['phone.confirmLeave'])) return;
    Live.request('/api/tickets/' + encodeURIComponent(ticketId), { method: 'DELETE' }).then(refresh);
  });
  if (window.Notification && Notification.permission === 'default') {
    document.addEventListener('click', function () { Notification.requestPermission(); }, { once: true });
  }

  refresh();
  Live.connect('/api/branches/' + encodeURIComponent(body.dataset.branch) + '/events?client=phone',
    { snapshot: refresh, change: refresh }, { marker: document.getElementById('offline'), stale: document.getElementById('status') });
})();
