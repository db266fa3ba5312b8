-- Schema 5 (issue 11): a repeat is the same happening told again in one article.
-- repeat_of  the event_id of the article's first event with the same (source, target, CAMEO
--            code, date); such an event is kept for audit and not counted (counted is false).
-- Rows stored before this migration have no repeat marked (NULL): coding the articles again
-- marks them.

ALTER TABLE events ADD COLUMN repeat_of VARCHAR;
