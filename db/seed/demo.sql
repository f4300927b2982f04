-- Demo data for local development. Fixed ids and ON CONFLICT DO NOTHING make it safe to run
-- any number of times: a second run changes nothing.

INSERT INTO practices (id, slug, name, brand_color, contact_email, contact_phone, default_locale, time_zone, created_at)
VALUES
  ('prac_demo', 'demo', 'Praktijk De Linde', '#2f6f5e', 'info@praktijkdelinde.example', '020 123 4567', 'nl', 'Europe/Amsterdam', 1764806400000),
  ('prac_zonnehuis', 'zonnehuis', 'Psychologenpraktijk Het Zonnehuis', '#f2c14e', 'contact@zonnehuis.example', '030 765 4321', 'nl', 'Europe/Amsterdam', 1764806400000)
ON CONFLICT DO NOTHING;

INSERT INTO clients (id, practice_id, first_name, last_name, preferred_name, email, locale, portal_access, archived_at, created_at)
VALUES
  ('cli_sanne', 'prac_demo', 'Sanne', 'de Vries', NULL, 'sanne@example.nl', 'nl', 1, NULL, 1764806400000),
  ('cli_joelle', 'prac_demo', 'Joëlle', 'van den Berg', 'Jo', 'joelle@example.nl', NULL, 1, NULL, 1764806400000),
  ('cli_daan', 'prac_demo', 'Daan', 'Bakker', NULL, 'daan@example.com', 'en', 1, NULL, 1764806400000),
  ('cli_fenna', 'prac_demo', 'Fenna', 'Çelik', NULL, 'fenna@example.nl', 'nl', 1, NULL, 1764806400000),
  ('cli_thijs', 'prac_demo', 'Thijs', 'Jänsen', NULL, 'thijs@example.nl', 'nl', 0, NULL, 1764806400000),
  ('cli_noor', 'prac_demo', 'Noor', 'El Amrani', NULL, 'noor@example.nl', 'nl', 1, 1764806400000, 1764806400000),
  ('cli_bram_z', 'prac_zonnehuis', 'Bram', 'Öztürk', NULL, 'bram@example.nl', 'nl', 1, NULL, 1764806400000)
ON CONFLICT DO NOTHING;

INSERT INTO staff_members (id, practice_id, name, email, locale, active, created_at)
VALUES
  ('stf_eva', 'prac_demo', 'Eva Mulder', 'eva@praktijkdelinde.example', 'nl', 1, 1764806400000),
  ('stf_koen', 'prac_demo', 'Koen de Wit', 'koen@praktijkdelinde.example', 'nl', 1, 1764806400000),
  ('stf_ilse', 'prac_demo', 'Ilse Verbeek', 'ilse@praktijkdelinde.example', 'en', 1, 1764806400000),
  ('stf_mirjam', 'prac_zonnehuis', 'Mirjam Hoekstra', 'mirjam@zonnehuis.example', 'nl', 1, 1764806400000)
ON CONFLICT DO NOTHING;
