-- a bill's lines are written once, with the bill, and only ever read with it: one jsonb
-- value of the bill instead of a row per pizza and per topping (some twenty rows an order)
ALTER TABLE bills ADD COLUMN lines JSONB;

UPDATE bills b
SET lines = coalesce((SELECT jsonb_agg(jsonb_build_object('pizza', l.pizza, 'item', l.item, 'kind', l.kind,
                                                          'price', l.price) ORDER BY l.position)
                      FROM bill_lines l
                      WHERE l.order_id = b.order_id), '[]'::jsonb);

ALTER TABLE bills ALTER COLUMN lines SET NOT NULL;

DROP TABLE bill_lines;
