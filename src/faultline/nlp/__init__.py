"""spaCy pipeline: the pinned English model plus our gazetteer EntityRuler."""
