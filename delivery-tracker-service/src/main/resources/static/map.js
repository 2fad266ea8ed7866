// The live map: the city drawn from its edges, the shops from GET /city, and every courier
// from the Server-Sent Events of GET /deliveries/positions. No tiles, no library.
(() => {
  'use strict';
  const SVG = 'http://www.w3.org/2000/svg';
  const WIDTH = 1000;
  const KEEP_DELIVERED_MS = 15000;
  const map = document.getElementById('map');
  const rows = document.querySelector('#deliveries tbody');
  const connection = document.getElementById('connection');
  const counts = document.getElementById('counts');
  const couriers = new Map(); // orderId -> { position, receivedAt, node, trail, row }
  let city;
  let height;
  let staleAfter = 10000;

  const element = (name, attributes, parent) => {
    const node = document.createElementNS(SVG, name);
    Object.entries(attributes || {}).forEach(([key, value]) => node.setAttribute(key, value));
    if (parent) parent.appendChild(node);
    return node;
  };

  const x = (lon) => (lon - city.west) / (city.east - city.west) * WIDTH;
  const y = (lat) => (city.north - lat) / (city.north - city.south) * height;

  function drawCity() {
    // a degree of longitude is shorter than one of latitude by cos(latitude)
    const middle = (city.north + city.south) / 2 * Math.PI / 180;
    height = Math.round(WIDTH * (city.north - city.south) / ((city.east - city.west) * Math.cos(middle)));
    map.setAttribute('viewBox', `0 0 ${WIDTH} ${height}`);
    const streets = element('g', {}, map);
    for (let i = 1; i < 20; i++) {
      element('line', { class: 'street', x1: i * WIDTH / 20, y1: 0, x2: i * WIDTH / 20, y2: height }, streets);
      element('line', { class: 'street', x1: 0, y1: i * height / 20, x2: WIDTH, y2: i * height / 20 }, streets);
    }
    element('ellipse', { class: 'ring', cx: WIDTH / 2, cy: height / 2, rx: WIDTH * 0.3, ry: height * 0.32 }, map);
    const label = element('text', { class: 'city-label', x: 20, y: height - 20 }, map);
    label.textContent = city.name;
    element('g', { id: 'shops' }, map);
    element('g', { id: 'trails' }, map);
    element('g', { id: 'couriers' }, map);
    document.getElementById('city-name').textContent = '— ' + city.name;
  }

  function drawShops(shops) {
    const layer = document.getElementById('shops');
    layer.replaceChildren();
    shops.forEach((shop) => {
      const group = element('g', { class: 'shop', 'data-shop': shop.name }, layer);
      element('rect', { x: x(shop.lon) - 7, y: y(shop.lat) - 7, width: 14, height: 14 }, group);
      const name = element('text', { x: x(shop.lon) + 10, y: y(shop.lat) + 4 }, group);
      name.textContent = shop.name;
    });
  }

  function loadCity() {
    return fetch('city').then((answer) => answer.json()).then((body) => {
      const first = !city;
      city = body;
      staleAfter = body.staleAfterMillis;
      document.getElementById('stale-after').textContent = String(staleAfter / 1000);
      if (first) drawCity();
      drawShops(body.shops);
    });
  }

  function show(position) {
    let courier = couriers.get(position.orderId);
    if (!courier) {
      const node = element('g', { class: 'courier', 'data-order-id': position.orderId }, document.getElementById('couriers'));
      element('circle', { r: 8 }, node);
      element('text', { x: 11, y: -9 }, node);
      const trail = element('polyline', { class: 'trail', points: '' }, document.getElementById('trails'));
      if (position.destination) {
        const to = position.destination;
        element('circle', { class: 'destination', r: 6, cx: x(to.lon), cy: y(to.lat) }, trail.parentNode)
          .dataset.orderId = position.orderId;
      }
      const row = document.createElement('tr');
      row.dataset.orderId = position.orderId;
      for (let i = 0; i < 5; i++) row.appendChild(document.createElement('td'));
      rows.appendChild(row);
      courier = { node, trail, row, points: [] };
      couriers.set(position.orderId, courier);
    }
    if (courier.position && new Date(position.at) < new Date(courier.position.at)) return;
    courier.position = position;
    courier.receivedAt = performance.now();
    courier.points.push(`${x(position.lon).toFixed(1)},${y(position.lat).toFixed(1)}`);
    courier.trail.setAttribute('points', courier.points.join(' '));
    courier.node.setAttribute('transform', `translate(${x(position.lon).toFixed(1)},${y(position.lat).toFixed(1)})`);
    courier.node.dataset.lat = position.lat;
    courier.node.dataset.lon = position.lon;
    if (position.delivered) courier.deliveredAt = performance.now();
    refresh(courier);
  }

  // a position's age grows while nothing new arrives: counted from its age when it came
  function age(courier) {
    return courier.position.ageMillis + (performance.now() - courier.receivedAt);
  }

  function refresh(courier) {
    const p = courier.position;
    const ms = age(courier);
    const stale = !p.delivered && ms > staleAfter;
    courier.node.setAttribute('class', 'courier' + (p.delivered ? ' delivered' : stale ? ' stale' : ''));
    courier.node.dataset.ageMillis = Math.round(ms);
    courier.node.querySelector('text').textContent =
      `${p.courierId} ${p.delivered ? 'delivered' : (ms / 1000).toFixed(1) + ' s'}`;
    const eta = p.delivered ? 'delivered' : p.etaSeconds == null ? '?' : `${p.etaSeconds} s`;
    const cells = courier.row.children;
    [p.orderId.substring(0, 8), p.shop || '?', p.courierId, (ms / 1000).toFixed(1) + ' s', eta].forEach((text, i) => {
      if (cells[i].textContent !== text) cells[i].textContent = text;
    });
    cells[3].className = stale ? 'stale' : '';
  }

  function tick() {
    const now = performance.now();
    couriers.forEach((courier, orderId) => {
      if (courier.deliveredAt && now - courier.deliveredAt > KEEP_DELIVERED_MS) {
        courier.node.remove();
        courier.trail.remove();
        document.querySelectorAll(`circle.destination[data-order-id="${orderId}"]`).forEach((node) => node.remove());
        courier.row.remove();
        couriers.delete(orderId);
      } else {
        refresh(courier);
      }
    });
    const onTheWay = [...couriers.values()].filter((c) => !c.position.delivered).length;
    counts.textContent = `${onTheWay} courier(s) on their way`;
  }

  function listen() {
    const events = new EventSource('deliveries/positions');
    const receive = (event) => show(JSON.parse(event.data));
    events.addEventListener('position', receive);
    events.addEventListener('delivered', receive);
    events.onopen = () => { connection.textContent = 'live'; connection.className = 'connection live'; };
    events.onerror = () => { connection.textContent = 'reconnecting…'; connection.className = 'connection connecting'; };
  }

  loadCity().then(() => {
    listen();
    setInterval(tick, 200);
    setInterval(loadCity, 5000);
  });
})();
