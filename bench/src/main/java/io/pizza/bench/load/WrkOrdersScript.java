package io.pizza.bench.load;

/**
 * The Lua script with which {@code wrk} posts fake orders: two thousand of them, each
 * thread starting at a random one and sending them in turn, and the answers counted by
 * status.
 */
final class WrkOrdersScript {

	private static final int ORDERS_IN_SCRIPT = 2000;

	private WrkOrdersScript() {
	}

	// the orders as Lua long strings, sent in turn by each thread; the answers counted by
	// status in each thread and added up at the end
	static String of(FakeOrders orders) {
		StringBuilder lua = new StringBuilder("local bodies = {\n");
		for (int i = 0; i < ORDERS_IN_SCRIPT; i++) {
			lua.append("[==[").append(orders.next()).append("]==],\n");
		}
		lua.append("""
				}
				local threads = {}
				function setup(thread) table.insert(threads, thread) end
				function init(args) counts = {}; n = math.random(#bodies) end
				local headers = { ["Content-Type"] = "application/json" }
				function request()
				  n = n % #bodies + 1
				  return wrk.format("POST", nil, headers, bodies[n])
				end
				function response(status, headers, body)
				  counts[status] = (counts[status] or 0) + 1
				end
				function done(summary, latency, requests)
				  local all = {}
				  for _, thread in ipairs(threads) do
				    for status, count in pairs(thread:get("counts")) do all[status] = (all[status] or 0) + count end
				  end
				  local parts = {}
				  for status, count in pairs(all) do table.insert(parts, status .. "=" .. count) end
				  table.sort(parts)
				  io.write("statuses: " .. table.concat(parts, " ") .. "\\n")
				end
				""");
		return lua.toString();
	}

}
