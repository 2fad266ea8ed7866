-- The services' databases, one each (the local platform creates the same ones)
CREATE DATABASE orders;
CREATE DATABASE billing;
