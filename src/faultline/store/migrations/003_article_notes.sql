-- Schema 3: what reading and cleaning repaired or could not decide about an article
-- ("decoded as cp1252", "mojibake repaired", "language uncertain"), one note per element.

ALTER TABLE articles ADD COLUMN notes VARCHAR[];
