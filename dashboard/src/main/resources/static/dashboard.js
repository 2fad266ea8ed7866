// The dashboard: one Server-Sent Events stream of snapshots from /api/dashboard/stream,
// each drawn whole. Nothing here is made up: every figure comes from the snapshot.
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const connection = $('connection');

  // one colour per instance, kept for as long as the page is open: the first instance
  // seen gets the first colour, and so on, as the talk's slides colour their consumers
  const PALETTE = ['#1565c0', '#c62828', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f', '#ad1457', '#4e342e',
    '#283593', '#558b2f', '#5d4037', '#00695c'];
  const colours = new Map();
  function colour(instance) {
    if (!colours.has(instance)) colours.set(instance, PALETTE[colours.size % PALETTE.length]);
    return colours.get(instance);
  }

  function el(tag, attributes, text) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([key, value]) => {
      if (key === 'style') node.style.cssText = value; else node.setAttribute(key, value);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function brokers(cluster) {
    $('brokers').replaceChildren(...cluster.brokers.map((broker) => {
      const box = el('div', {
        class: `broker ${broker.up ? 'up' : 'down'}${broker.controller ? ' controller' : ''}`,
        'data-broker-id': broker.id, 'data-up': broker.up,
      });
      box.append(el('div', {}, `node ${broker.id}`),
        el('div', { class: 'state' }, broker.up ? 'up' : 'down'),
        el('div', {}, broker.controller
          ? `active controller${cluster.quorumEpoch != null ? ` (epoch ${cluster.quorumEpoch})` : ''}` : 'voter'),
        el('div', { class: 'hint' }, broker.address || ''));
      return box;
    }));
  }

  function groups(cluster) {
    $('groups').replaceChildren(...cluster.groups.map((group) => {
      const box = el('div', { class: 'group', 'data-group': group.id, 'data-members': group.members.length });
      const lag = group.lag.reduce((sum, p) => sum + p.lag, 0);
      const title = el('h3', {}, `${group.id} — ${group.state}, ${group.protocol} protocol, lag ${lag} `);
      // the new protocol's epochs: the group's moves at each change of members, the target
      // assignment's follows once the brokers computed it, each member's once it reconciled
      if (group.groupEpoch != null) {
        title.append(el('span', {
          class: 'epochs', 'data-group-epoch': group.groupEpoch, 'data-target-epoch': group.targetAssignmentEpoch,
        }, `group epoch ${group.groupEpoch}, assignment epoch ${group.targetAssignmentEpoch}`));
      }
      box.append(title);
      const members = el('div');
      group.members.forEach((member) => {
        const assigned = member.assigned ?? member.partitions;
        const settled = member.epoch == null || (member.epoch === group.targetAssignmentEpoch
          && assigned.length === member.partitions.length && assigned.every((p) => member.partitions.includes(p)));
        members.append(el('span', {
          class: `member${settled ? '' : ' reconciling'}`, 'data-instance': member.instance,
          'data-partitions': member.partitions.length, 'data-epoch': member.epoch ?? '',
          'data-assigned': assigned.length, style: `background: ${colour(member.instance)}`,
        }, member.epoch == null ? `${member.instance} (${member.partitions.length})`
          : `${member.instance} epoch ${member.epoch}: owns ${member.partitions.length} of ${assigned.length} assigned`));
      });
      if (!group.members.length) members.append(el('span', { class: 'hint' }, 'no members'));
      const tiles = el('div', { class: 'partitions' });
      group.lag.forEach((p) => {
        const tile = el('div', {
          class: 'tile', 'data-topic': p.topic, 'data-partition': p.partition, 'data-owner': p.owner || '',
          style: p.owner ? `background: ${colour(p.owner)}` : '',
        });
        tile.append(el('div', {}, `${p.topic}-${p.partition}`),
          el('div', {}, p.owner || 'no owner'),
          el('div', { class: 'lag' }, `lag ${p.lag}`));
        tiles.append(tile);
      });
      box.append(members, tiles);
      return box;
    }));
  }

  function shareGroups(view) {
    $('share-groups').replaceChildren(...view.cluster.shareGroups.map((group) => {
      const box = el('div', { class: 'group share', 'data-share-group': group.id, 'data-members': group.members.length });
      const waiting = group.partitions.reduce((sum, p) => sum + (p.lag ?? 0), 0);
      const title = el('h3', {}, `${group.id} — ${group.state}, share group, ${waiting} records not done with `);
      title.append(el('span', { class: 'epochs', 'data-group-epoch': group.groupEpoch },
        `group epoch ${group.groupEpoch}, assignment epoch ${group.targetAssignmentEpoch}`));
      const members = el('div');
      group.members.forEach((member) => members.append(el('span', {
        class: 'member', 'data-instance': member.instance, 'data-epoch': member.epoch,
        style: `background: ${colour(member.instance)}`,
      }, `${member.instance} epoch ${member.epoch}: fetches from ${member.partitions.length}`)));
      if (!group.members.length) members.append(el('span', { class: 'hint' }, 'no members'));
      const tiles = el('div', { class: 'partitions' });
      group.partitions.forEach((p) => {
        const tile = el('div', { class: 'tile', 'data-topic': p.topic, 'data-partition': p.partition });
        tile.append(el('div', {}, `${p.topic}-${p.partition}`),
          el('div', {}, p.startOffset == null ? `not fetched yet · end ${p.end}` : `start ${p.startOffset} · end ${p.end}`),
          el('div', { class: 'lag' }, p.lag == null ? 'not told' : `not done ${p.lag}`));
        tiles.append(tile);
      });
      const held = el('ol', { class: 'in-flight' });
      view.inFlight.forEach((order) => held.append(el('li', {
        'data-where': order.where, 'data-delivery': order.delivery,
      }, `${order.maker} holds ${order.where} (order ${order.orderId.slice(0, 8)}), delivery ${order.delivery}, `
        + `for ${((Date.now() - new Date(order.since)) / 1000).toFixed(1)} s`)));
      if (!view.inFlight.length) held.append(el('li', { class: 'hint' }, 'no order in a maker\'s hands'));
      box.append(title, members, tiles, held);
      return box;
    }));
  }

  function rebalances(cluster) {
    $('rebalances').replaceChildren(...cluster.rebalances.map((change) => {
      const who = [...change.left.map((i) => `${i} left`), ...change.joined.map((i) => `${i} joined`)].join(', ');
      const after = change.ownedAgainAfterMillis == null
        ? `${change.partitions} partitions not all owned yet`
        : change.ownedAgainAfterMillis === 0
          ? `all ${change.partitions} partitions owned again within one refresh`
          : `all ${change.partitions} partitions owned again after ${(change.ownedAgainAfterMillis / 1000).toFixed(1)} s`;
      return el('li', { 'data-group': change.group },
        `${new Date(change.at).toLocaleTimeString()} ${change.group}: ${who} → ${after}`);
    }));
  }

  function topics(cluster) {
    $('topics').replaceChildren(...cluster.topics.map((topic) => {
      const box = el('div', { class: 'topic', 'data-topic': topic.name });
      const rate = topic.partitions.reduce((sum, p) => sum + p.perSecond, 0);
      box.append(el('h3', {}, `${topic.name} — ${topic.partitions.length} partitions, ${rate.toFixed(1)} records/s`));
      const tiles = el('div', { class: 'partitions' });
      topic.partitions.forEach((p) => {
        const state = p.leader == null ? ' leaderless' : p.isr.length < p.replicas.length ? ' short' : '';
        const tile = el('div', { class: `tile${state}`, 'data-partition': p.partition, 'data-leader': p.leader ?? '' });
        tile.append(el('div', {}, `P${p.partition} leader ${p.leader ?? 'none'}`
            + (p.leaderEpoch != null ? ` · epoch ${p.leaderEpoch}` : '')),
          el('div', {}, `ISR [${p.isr.join(',')}] of [${p.replicas.join(',')}]`),
          el('div', {}, `end ${p.endOffset}`));
        tiles.append(tile);
      });
      box.append(tiles);
      return box;
    }));
  }

  function shops(view) {
    $('shops').tBodies[0].replaceChildren(...view.shops.map((shop) => {
      const row = el('tr', { 'data-shop': shop.shop });
      row.append(el('td', {}, shop.shop), el('td', {}, `pizza-orders-${shop.partition}`), el('td', {}, shop.orders));
      return row;
    }));
    $('recent').replaceChildren(...view.recentOrders.map((order) => {
      const item = el('li', {}, `${new Date(order.at).toLocaleTimeString()} ${order.shop} → pizza-orders-${order.partition}@${order.offset} `);
      if (order.traceId) {
        item.append(el('a', { href: view.traces + order.traceId, target: '_blank', class: 'trace' }, 'trace'));
      }
      return item;
    }));
  }

  const money = (currency, amount) => `${currency} ${Number(amount).toFixed(2)}`;

  function billing(view) {
    const body = $('billing').tBodies[0];
    if (!view.billing) {
      body.replaceChildren(el('tr', {}, ''));
      body.firstChild.append(el('td', { colspan: 3 }, 'billing-service does not answer'));
      return;
    }
    const rows = view.billing.shops.map((shop) => {
      const row = el('tr');
      row.append(el('td', {}, shop.shop), el('td', {}, shop.bills), el('td', {}, money(view.billing.currency, shop.revenue)));
      return row;
    });
    const total = el('tr');
    total.append(el('th', {}, 'all'), el('th', {}, view.billing.bills), el('th', {}, money(view.billing.currency, view.billing.revenue)));
    body.replaceChildren(...rows, total);
  }

  function draw(view) {
    const cluster = view.cluster;
    $('updated').textContent = `as of ${new Date(cluster.at).toLocaleTimeString()}`;
    $('delivery-map').href = view.deliveryMap;
    $('error').hidden = !cluster.error;
    $('error').textContent = cluster.error ? `The cluster does not answer: ${cluster.error}` : '';
    brokers(cluster);
    groups(cluster);
    shareGroups(view);
    rebalances(cluster);
    topics(cluster);
    shops(view);
    billing(view);
  }

  const events = new EventSource('api/dashboard/stream');
  events.addEventListener('snapshot', (event) => draw(JSON.parse(event.data)));
  events.onopen = () => { connection.textContent = 'live'; connection.className = 'connection live'; };
  events.onerror = () => { connection.textContent = 'reconnecting…'; connection.className = 'connection connecting'; };
})();
