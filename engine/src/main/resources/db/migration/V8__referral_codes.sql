-- Personal referral codes (journeys VipAndReferral, ReferralThanks): one per customer, made when a message first
-- needs it, so a code redeemed at checkout leads back to its customer. Erased with the customer.
CREATE TABLE encore_referral_code (
    code        VARCHAR(40)  PRIMARY KEY,
    customer_id VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX ux_encore_referral_code_customer ON encore_referral_code (customer_id);
