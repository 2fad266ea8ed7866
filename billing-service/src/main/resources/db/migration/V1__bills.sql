CREATE TABLE bills (
    order_id  UUID PRIMARY KEY,
    shop      VARCHAR(100) NOT NULL,
    pizzas    INTEGER NOT NULL,
    placed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    billed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX bills_shop ON bills (shop, placed_at DESC);
