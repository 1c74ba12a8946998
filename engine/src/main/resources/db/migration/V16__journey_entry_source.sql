-- The customer's last-touch source when they entered (profile.acquisition.last.source): journey figures by source.
-- Null for entries made before Encore kept acquisition, or when no event of the customer carried a page.
ALTER TABLE encore_journey_entry ADD COLUMN source VARCHAR(500);
