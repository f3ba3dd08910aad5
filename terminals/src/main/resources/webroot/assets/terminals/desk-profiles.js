// Saved desk profiles in the desk's setup: the chosen services in their order, saved under a name
// and chosen again next time; kept on the server for the signed-in staff member (/api/me/profiles).
(function () {
  const t = JSON.parse(document.getElementById('texts').textContent);
  const $ = function (id) { return document.getElementById(id); };
  let profiles = [];
  let max = 10;
  let loadedFor = null;

  function call(method, path, payload) {
    return fetch(path, {
      method: method, body: payload === undefined ? undefined : JSON.stringify(payload),
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + DeskSetup.token() }
    }).then(function (r) { return r.json().then(function (b) { return { status: r.status, body: b }; }); });
  }

  function say(text) { $('profile-message').textContent = text; }

  function draw(chosen) {
    const select = $('profile');
    select.replaceChildren.apply(select, [Live.el('option', { value: '', text: t['desk.profile.none'] })]
      .concat(profiles.map(function (p) { return Live.el('option', { value: p.name, text: p.name }); })));
    select.value = chosen || '';
  }

  function answer(r, done) {
    if (r.status === 200) {
      profiles = r.body.profiles;
      max = r.body.max;
      done();
    } else if (r.body.error === 'too_many_profiles') {
      say(Live.format(t['desk.profile.tooMany'], { max: max }));
    } else if (r.body.field === 'name') {
      say(t['desk.profile.nameTooLong']);
    } else {
      say(t['desk.error.' + r.body.error] || r.body.message || t['common.error']);
    }
  }

  window.DeskProfiles = {
    // The setup is shown (again): its buttons work, and the profiles are read once per sign-in.
    shown: function () {
      ['profile-save', 'profile-delete'].forEach(function (id) { $(id).disabled = false; });
      const token = DeskSetup.token();
      if (!token || token === loadedFor) return;
      loadedFor = token;
      call('GET', '/api/me/profiles').then(function (r) { answer(r, function () { draw(); }); }, function () { loadedFor = null; });
    }
  };

  $('profile').addEventListener('change', function () {
    const name = $('profile').value;
    const p = profiles.find(function (x) { return x.name === name; });
    if (!p) return;
    DeskSetup.choose(p.services);
    $('profile-name').value = p.name;
    say(Live.format(t['desk.profile.used'], { name: p.name }));
  });

  $('profile-save').addEventListener('click', function () {
    const name = $('profile-name').value.trim();
    const services = DeskSetup.chosen();
    if (!name) { say(t['desk.profile.nameMissing']); $('profile-name').focus(); return; }
    if (services.length === 0) { say(t['desk.profile.noServices']); return; }
    call('POST', '/api/me/profiles', { name: name, services: services }).then(function (r) {
      answer(r, function () { draw(name); say(Live.format(t['desk.profile.saved'], { name: name })); });
    }, function () { say(t['common.error']); });
  });

  $('profile-delete').addEventListener('click', function () {
    const name = $('profile').value;
    if (!name) { say(t['desk.profile.chooseFirst']); $('profile').focus(); return; }
    call('DELETE', '/api/me/profiles/' + encodeURIComponent(name)).then(function (r) {
      answer(r, function () { draw(); say(Live.format(t['desk.profile.deleted'], { name: name })); });
    }, function () { say(t['common.error']); });
  });
})();
