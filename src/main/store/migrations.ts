/**
 * Schema migrations, applied in order inside one transaction each; PRAGMA
 * user_version records how many have run. Never edit a released migration:
 * append a new one.
 */
export const MIGRATIONS: readonly string[] = [
  /* 1: documents, labels, spans, append-only change history, undo stacks, settings */ `
  CREATE TABLE documents (
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    meta TEXT NOT NULL DEFAULT '{}',
    length INTEGER NOT NULL CHECK (length >= 0),
    created_at TEXT NOT NULL
  );

  CREATE TABLE labels (
    key TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    hotkey TEXT NOT NULL,
    color TEXT NOT NULL,
    guideline TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL
  );

  CREATE TABLE spans (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    label TEXT NOT NULL REFERENCES labels(key) ON UPDATE CASCADE,
    CHECK (start >= 0 AND end > start)
  );
  CREATE UNIQUE INDEX spans_identity ON spans(doc_id, annotator, start, end, label);
  CREATE INDEX spans_by_layer ON spans(annotator, doc_id);

  CREATE TABLE change_groups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('create', 'relabel', 'delete', 'import', 'undo', 'redo', 'accept', 'reject', 'merge')),
    description TEXT NOT NULL,
    reverts INTEGER REFERENCES change_groups(id)
  );

  CREATE TABLE span_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id INTEGER NOT NULL REFERENCES change_groups(id),
    span_id INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    annotator TEXT NOT NULL,
    before TEXT,
    after TEXT
  );
  CREATE INDEX span_changes_by_group ON span_changes(group_id);

  CREATE TRIGGER change_groups_append_only_u BEFORE UPDATE ON change_groups
    BEGIN SELECT RAISE(ABORT, 'the change history is append-only'); END;
  CREATE TRIGGER change_groups_append_only_d BEFORE DELETE ON change_groups
    BEGIN SELECT RAISE(ABORT, 'the change history is append-only'); END;
  CREATE TRIGGER span_changes_append_only_u BEFORE UPDATE ON span_changes
    BEGIN SELECT RAISE(ABORT, 'the change history is append-only'); END;
  CREATE TRIGGER span_changes_append_only_d BEFORE DELETE ON span_changes
    BEGIN SELECT RAISE(ABORT, 'the change history is append-only'); END;

  CREATE TABLE undo_stack (
    annotator TEXT NOT NULL,
    seq INTEGER NOT NULL,
    group_id INTEGER NOT NULL REFERENCES change_groups(id),
    undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
    PRIMARY KEY (annotator, seq)
  ) WITHOUT ROWID;

  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  /* 2: review: gold provenance, review status, merged history */ `
  ALTER TABLE change_groups ADD COLUMN origin TEXT;
  ALTER TABLE change_groups ADD COLUMN origin_group INTEGER;
  CREATE UNIQUE INDEX change_groups_origin ON change_groups(origin, origin_group) WHERE origin IS NOT NULL;

  -- Whose span a gold span was and who accepted it. Kept when the span is removed,
  -- so undo/redo (which restore the span under its old id) keep its provenance.
  CREATE TABLE gold_provenance (
    span_id INTEGER PRIMARY KEY,
    sources TEXT NOT NULL,
    accepted_by TEXT NOT NULL,
    accepted_at TEXT NOT NULL
  );

  CREATE TABLE review_status (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('unreviewed', 'in_review', 'reviewed')),
    reviewer TEXT,
    updated_at TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  /* 3: documents whose text forbids AI-training use (the notice found, or a person's flag) */ `
  ALTER TABLE documents ADD COLUMN restricted TEXT;
  `,
  /* 4: regions that are not article text (boilerplate), and suggestions a person rejected */ `
  CREATE TABLE ignored_regions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('manual', 'suggested')),
    reason TEXT NOT NULL DEFAULT '',
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    CHECK (start >= 0 AND end > start)
  );
  CREATE INDEX ignored_regions_by_doc ON ignored_regions(doc_id, start);

  CREATE TABLE rejected_suggestions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    label TEXT NOT NULL,
    rejected_at TEXT NOT NULL,
    PRIMARY KEY (doc_id, annotator, start, end, label)
  ) WITHOUT ROWID;
  `,
  /* 5: links between spans (a meeting's participants, date, place), their history, the roles allowed; entities across documents */ `
  CREATE TABLE relation_roles (
    type TEXT PRIMARY KEY CHECK (type GLOB '[a-z]*'),
    name TEXT NOT NULL,
    hotkey TEXT NOT NULL,
    from_labels TEXT NOT NULL,
    to_labels TEXT NOT NULL,
    position INTEGER NOT NULL
  );
  INSERT INTO relation_roles (type, name, hotkey, from_labels, to_labels, position) VALUES
    ('participant', 'Participant', 'p', '["MEETING"]', '["PERSON","ORGANISATION"]', 0),
    ('date', 'Date', 'd', '["MEETING"]', '["DATE"]', 1),
    ('place', 'Place', 'l', '["MEETING"]', '[]', 2);

  CREATE TABLE relations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator TEXT NOT NULL,
    from_span INTEGER NOT NULL,
    to_span INTEGER NOT NULL,
    type TEXT NOT NULL REFERENCES relation_roles(type) ON UPDATE CASCADE,
    CHECK (from_span <> to_span)
  );
  CREATE UNIQUE INDEX relations_identity ON relations(doc_id, annotator, from_span, to_span, type);
  CREATE INDEX relations_from ON relations(from_span);
  CREATE INDEX relations_to ON relations(to_span);

  CREATE TABLE relation_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id INTEGER NOT NULL REFERENCES change_groups(id),
    relation_id INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    annotator TEXT NOT NULL,
    before TEXT,
    after TEXT
  );
  CREATE INDEX relation_changes_by_group ON relation_changes(group_id);
  CREATE TRIGGER relation_changes_append_only_u BEFORE UPDATE ON relation_changes
    BEGIN SELECT RAISE(ABORT, 'the change history is append-only'); END;
  CREATE TRIGGER relation_changes_append_only_d BEFORE DELETE ON relation_changes
    BEGIN SELECT RAISE(ABORT, 'the change history is append-only'); END;

  CREATE TABLE entities (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (name, type)
  );
  CREATE TABLE span_entities (
    span_id INTEGER PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE
  );
  CREATE INDEX span_entities_by_entity ON span_entities(entity_id);
  `,
  /* 6: label schema (issue 10): a retired label keeps its spans but is no longer offered */ `
  ALTER TABLE labels ADD COLUMN retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1));
  `,
  /* 7: review (issue 15): the candidates a gold span settles, as "start:end:LABEL" keys in JSON (NULL: its own key) */ `
  ALTER TABLE gold_provenance ADD COLUMN settles TEXT;
  `,
  /* 8: undo for every project change (issue 15): history of regions, rejected suggestions, entities and their links; undo barriers */ `
  -- Each table holds one change per row, in the group (one user action) that made it; before/after
  -- are the row as JSON (NULL: absent). Undo applies after -> before, redo before -> after.
  CREATE TABLE region_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id INTEGER NOT NULL REFERENCES change_groups(id),
    region_id INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    before TEXT,
    after TEXT
  );
  CREATE INDEX region_changes_by_group ON region_changes(group_id);
  CREATE TABLE rejection_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id INTEGER NOT NULL REFERENCES change_groups(id),
    doc_id TEXT NOT NULL,
    annotator TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    label TEXT NOT NULL,
    before INTEGER NOT NULL CHECK (before IN (0, 1)),
    after INTEGER NOT NULL CHECK (after IN (0, 1))
  );
  CREATE INDEX rejection_changes_by_group ON rejection_changes(group_id);
  CREATE TABLE entity_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id INTEGER NOT NULL REFERENCES change_groups(id),
    entity_id INTEGER NOT NULL,
    before TEXT,
    after TEXT
  );
  CREATE INDEX entity_changes_by_group ON entity_changes(group_id);
  CREATE TABLE entity_link_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id INTEGER NOT NULL REFERENCES change_groups(id),
    span_id INTEGER NOT NULL,
    before INTEGER,
    after INTEGER
  );
  CREATE INDEX entity_link_changes_by_group ON entity_link_changes(group_id);
  CREATE TRIGGER region_changes_append_only_u BEFORE UPDATE ON region_changes BEGIN SELECT RAISE(ABORT, 'the change history is append-only'); END;
  CREATE TRIGGER region_changes_append_only_d BEFORE DELETE ON region_changes BEGIN SELECT RAISE(ABORT, 'the change history is append-only'); END;
  CREATE TRIGGER rejection_changes_append_only_u BEFORE UPDATE ON rejection_changes BEGIN SELECT RAISE(ABORT, 'the change history is append-only'); END;
  CREATE TRIGGER rejection_changes_append_only_d BEFORE DELETE ON rejection_changes BEGIN SELECT RAISE(ABORT, 'the change history is append-only'); END;
  CREATE TRIGGER entity_changes_append_only_u BEFORE UPDATE ON entity_changes BEGIN SELECT RAISE(ABORT, 'the change history is append-only'); END;
  CREATE TRIGGER entity_changes_append_only_d BEFORE DELETE ON entity_changes BEGIN SELECT RAISE(ABORT, 'the change history is append-only'); END;
  CREATE TRIGGER entity_link_changes_append_only_u BEFORE UPDATE ON entity_link_changes BEGIN SELECT RAISE(ABORT, 'the change history is append-only'); END;
  CREATE TRIGGER entity_link_changes_append_only_d BEFORE DELETE ON entity_link_changes BEGIN SELECT RAISE(ABORT, 'the change history is append-only'); END;
  -- An undo barrier: a change that cannot be undone (import, merge, label schema edit, restore). Undo stops at it and says so.
  ALTER TABLE undo_stack ADD COLUMN barrier INTEGER NOT NULL DEFAULT 0 CHECK (barrier IN (0, 1));
  `,
  /* 9: a label may allow its spans to cross paragraph breaks (issue 15) */ `
  ALTER TABLE labels ADD COLUMN cross_paragraphs INTEGER NOT NULL DEFAULT 0 CHECK (cross_paragraphs IN (0, 1));
  `
]
