-- one bill per order: the order id is the key, so a replayed order cannot be billed twice
CREATE TABLE bills (
    order_id        UUID PRIMARY KEY,
    shop            VARCHAR(100) NOT NULL,
    total           NUMERIC(12, 2) NOT NULL,
    currency        VARCHAR(3) NOT NULL,
    placed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    billed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    kafka_partition INTEGER NOT NULL,
    kafka_offset    BIGINT NOT NULL
);

CREATE INDEX bills_shop ON bills (shop, placed_at DESC);
CREATE INDEX bills_placed_at ON bills (placed_at DESC);

-- a line per pizza and per extra topping, in the order's order
CREATE TABLE bill_lines (
    order_id UUID NOT NULL REFERENCES bills (order_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    pizza    INTEGER NOT NULL,
    item     VARCHAR(100) NOT NULL,
    kind     VARCHAR(10) NOT NULL,
    price    NUMERIC(12, 2) NOT NULL,
    PRIMARY KEY (order_id, position)
);
