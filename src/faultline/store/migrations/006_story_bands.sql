-- The LSH band keys of every story member (dedup.stories.band_keys: band b is the signature's
-- bytes 8b to 8b+7 read as one big-endian integer), so an ingest run finds a batch's candidate
-- matches with one query instead of holding every member's signature in memory.
CREATE TABLE story_bands (
    band        UTINYINT NOT NULL,
    key         UBIGINT NOT NULL,
    article_id  VARCHAR NOT NULL
);

INSERT INTO story_bands
SELECT b.band, ('0x' || substring(hex(m.signature), 16 * b.band + 1, 16))::UBIGINT, m.article_id
FROM story_articles m CROSS JOIN range(28) AS b(band);
