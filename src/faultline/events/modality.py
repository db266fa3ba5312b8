"""Polarity and modality of a trigger: negated, hypothetical, intended, reported.

Read from the dependency parse around the trigger's governing verb, so the rules hold for
any verb: "did not", "has not yet", "no longer", "refused to" negate; "would", "could", "if",
"warned … not to", questions make it hypothetical; "will", "plans to", "agreed to" intended;
"reportedly", "according to", unnamed sources make it reported.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from faultline.actors.coref import ENABLING_VERBS, purpose_clause
from faultline.events.rules import load_cues

HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "must"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
CONDITION_MARKS = frozenset({"if", "unless", "whether"})
# Verbs whose complement did not (yet) happen: the complement's own event is not asserted.
NEGATING_VERBS = frozenset({"refuse", "fail", "decline", "deny", "reject", "stop", "halt",
                            "cease", "avoid"})
# Verbs that stop the event their object noun names ("suspended talks").
STOPPING_VERBS = NEGATING_VERBS | frozenset({"end", "suspend", "abandon", "cancel", "postpone",
                                             "scrap", "freeze", "interrupt", "break"})
# Verbs and nouns whose "that" clause says what is asked for, not what happened.
DEMAND_VERBS = frozenset({"demand", "insist", "urge", "ask", "request", "propose", "suggest",
                          "recommend", "require", "order"})
DEMAND_NOUNS = frozenset({"demand", "call", "request", "appeal", "proposal", "plea",
                          "ultimatum", "order"})
# Verbs whose "from" gerund did not happen ("prevented X from entering").
PREVENTING_VERBS = frozenset({"prevent", "stop", "bar", "ban", "block", "keep", "deter",
                              "prohibit", "restrain"})
# Verbs whose "of"/"for" gerund is what someone is said to have done, not established:
# "accused Sudan of backing rebels".
ALLEGING_VERBS = frozenset({"accuse", "suspect", "charge", "blame", "allege", "implicate",
                            "indict"})
# Verbs that say their subject event fell through ("the talks collapsed").
FAILING_VERBS = frozenset({"collapse", "fail", "stall", "founder", "falter", "end", "break",
                           "fall"})
WARNING_VERBS = frozenset({"warn", "threaten", "caution", "urge", "call", "ask", "demand",
                           "advise", "order", "tell", "press", "pressure", "force", "try"})
INTENT_VERBS = frozenset({"plan", "intend", "aim", "seek", "want", "hope", "expect", "prepare",
                          "agree", "promise", "pledge", "vow", "offer", "decide", "propose",
                          "consider", "schedule", "set", "go"})
# "is willing to", "stands ready to": an adjective that states an intention.
INTENT_ADJECTIVES = frozenset({"willing", "ready", "prepared", "determined", "committed",
                               "eager", "keen"})
REPORTED_MARKERS = frozenset({"reportedly", "allegedly", "purportedly", "apparently",
                              "unconfirmed", "rumoured", "rumored"})
UNNAMED_SOURCES = frozenset({"report", "source", "witness", "resident", "rumour", "rumor",
                             "media", "footage"})
SPEECH_VERBS = frozenset({"say", "report", "claim", "allege", "tell", "add"})
# Verbs that report a clause in which "would" is a backshifted "will" ("said it would leave").
REPORTING_VERBS = SPEECH_VERBS | frozenset({
    "announce", "confirm", "declare", "state", "insist", "reiterate", "indicate", "signal",
    "stress", "conclude", "warn", "vow", "pledge", "promise", "write", "tell"})
# Nouns that report a clause the way a speech verb does.
REPORTING_NOUNS = frozenset({"reminder", "warning", "statement", "message", "declaration",
                             "letter", "note", "announcement", "insistence"})
BACKSHIFT_AUX = frozenset({"would"})
OBLIGATION_AUX = frozenset({"must", "should"})
# How many clause links the walk up from a trigger follows before it stops.
MAX_CLAUSE_HOPS = 4


@dataclass(frozen=True, slots=True)
class Modality:
    """``obliged_by``: the speech verb of "X said Y must …" (the event is X's demand on Y);
    ``unless``: the intention is conditioned on another actor's act (a threat)."""

    negated: bool
    modality: str
    obliged_by: Token | None = None
    unless: bool = False
    cues: tuple[str, ...] = ()  # the rules that fired, for the event's trace


def _reporter(clause: Token) -> Token | None:
    """The verb that reports ``clause`` ("said", "announced" …), if it is a reported clause
    (or the second of two: "declared that X and that it would Y")."""
    for _ in range(MAX_CLAUSE_HOPS):
        if clause.dep_ != "conj":
            break
        clause = clause.head
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in REPORTING_VERBS:
        return clause.head
    if clause.dep_ in {"acl", "ccomp"} and clause.head.pos_ == "NOUN" \
            and clause.head.lemma_.lower() in REPORTING_NOUNS:
        return clause.head  # "a reminder to Iraq that it must cooperate"
    return None


def _conditions(verb: Token) -> set[str]:
    """Condition words on ``verb``'s own clause or on a clause attached to it."""
    found = {c.lower_ for c in verb.children if c.dep_ == "mark" and c.lower_ in CONDITION_MARKS}
    for clause in verb.children:
        if clause.dep_ == "advcl":
            found |= {c.lower_ for c in clause.children
                      if c.dep_ == "mark" and c.lower_ in CONDITION_MARKS}
    return found


def governing_verb(trigger: Token) -> Token:
    """The verb a noun trigger belongs to ("held talks" → held); a verb is its own."""
    current = trigger
    for _ in range(MAX_CLAUSE_HOPS):
        if current.pos_ in {"VERB", "AUX"} or current.head == current:
            return current
        current = current.head
    return current


def main_clause(verb: Token) -> bool:
    """Whether ``verb`` carries the sentence's own news: the root, a verb chained to it by
    "to"/"and", or the clause a speech verb reports ("X said Y attacked Z")."""
    current = verb
    for _ in range(MAX_CLAUSE_HOPS):
        if current.head == current:
            return True
        chained = current.dep_ in {"xcomp", "conj"}
        reported = current.dep_ == "ccomp" and current.head.lemma_.lower() in SPEECH_VERBS
        if not (chained or reported):
            return False
        current = current.head
    return False


def _negated_here(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ == "neg" or child.lower_ in {"never"}:
            return True
        # "no longer recognise": the negator hangs on the adverb.
        if child.dep_ == "advmod" and any(g.dep_ == "neg" for g in child.children):
            return True
    return False


def _stopped(trigger: Token, verb: Token) -> bool:
    """"suspended the talks", "ended its mediation effort", "the talks collapsed": an event
    noun that its verb stops, or that fell through, is not happening."""
    if trigger == verb:
        return False
    phrase = trigger.head if trigger.dep_ == "compound" else trigger
    if phrase.dep_ == "nsubj" and phrase.head == verb:  # "talks collapsed in May"
        return verb.lemma_.lower() in FAILING_VERBS
    stopping = STOPPING_VERBS | load_cues()["averting_verb"]  # "to avert a clash"
    return verb.lemma_.lower() in stopping and phrase.dep_ == "dobj" and phrase.head == verb


def _unrealised(trigger: Token) -> str | None:
    """"the expected air assault", "a planned visit": an event noun whose modifier says it has
    not happened (yet), unless a verb makes it happen ("launched the threatened invasion")."""
    if trigger.pos_ != "NOUN" or trigger.dep_ == "dobj":
        return None
    unrealised = load_cues()["unrealised_modifier"]
    if trigger.dep_ == "nsubj" and trigger.head.lemma_ == "be":  # "a meeting was possible"
        said = next((c.lower_ for c in trigger.head.children
                     if c.dep_ == "acomp" and c.lower_ in unrealised), None)
        if said is not None:
            return said
    return next((c.lower_ for c in trigger.children if c.dep_ in {"amod", "compound"}
                 and c.lower_ in unrealised), None)


def _obliging_reporter(verb: Token) -> Token | None:
    """"The Red Cross said the forces must ensure security to allow aid in": a reported
    "must" higher up the chain of clauses makes the event the speaker's demand too."""
    current = verb
    for _ in range(MAX_CLAUSE_HOPS):
        if current.dep_ not in {"xcomp", "advcl", "conj"} or current.head == current:
            return None
        current = current.head
        aux = {c.lower_ for c in current.children if c.dep_ in {"aux", "auxpass"}}
        if aux & OBLIGATION_AUX and (reporter := _reporter(current)) is not None:
            return reporter
    return None


def _governor(gerund: Token) -> Token:
    """What a preposition's gerund hangs on: "accused Sudan of backing" → accused, also when
    the parse hangs "of" on the object ("accused soldiers and fighters of killing")."""
    governor = gerund.head.head
    if governor.pos_ not in {"NOUN", "PROPN"}:
        return governor
    while governor.dep_ == "conj" and governor.head != governor:  # "soldiers and fighters of"
        governor = governor.head
    if governor.pos_ == "VERB":  # (a misparse joining the second object to the verb)
        return governor
    return governor.head if governor.dep_ == "dobj" else gerund.head.head


def assess(trigger: Token) -> Modality:
    """Polarity and modality of the event expressed by ``trigger``."""
    sentence = trigger.sent
    verb = governing_verb(trigger)
    cues: list[str] = []
    governor = _governor(verb).lemma_.lower() if verb.dep_ == "pcomp" else ""
    alleged = verb.dep_ == "pcomp" and (
        (verb.head.lower_ in {"of", "for"} and governor in ALLEGING_VERBS)
        or (verb.head.lower_ == "against" and governor in WARNING_VERBS))  # "warned X against"
    prevented = verb.dep_ == "pcomp" and verb.head.lower_ == "from" \
        and governor in PREVENTING_VERBS  # "stopped X from entering": it did not happen
    negators = {
        "prevented_from": prevented, "negation": _negated_here(verb),
        "stopped": _stopped(trigger, verb),
        "no_det": any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children),
        # "agreed to resign without returning": the gerund's event did not happen.
        "without": verb.dep_ == "pcomp" and verb.head.lower_ == "without"}
    cues += [f"neg:{name}" for name, fired in negators.items() if fired]
    negated = any(negators.values())
    modality = "hypothetical" if alleged else "asserted"
    if alleged:
        cues.append(f"mod:alleged={governor}")
    if (modifier := _unrealised(trigger)) is not None:
        modality = "hypothetical"
        cues.append(f"mod:unrealised={modifier}")
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children) \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        modality = "hypothetical"  # "difficult for the UN to deliver aid": not said to happen
        cues.append("mod:for_infinitive")
    word_classes = load_cues()
    if sentence.text.rstrip().rstrip("”\"'").endswith("?"):
        modality = "hypothetical"
        cues.append("mod:question")
    current = verb
    obliged_by: Token | None = None
    conditions = _conditions(verb)
    own_aux = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    reporter = _reporter(verb)
    if reporter is not None and not conditions - {"unless"}:
        if own_aux & OBLIGATION_AUX:
            obliged_by = reporter
            own_aux -= OBLIGATION_AUX
        if own_aux & BACKSHIFT_AUX:
            own_aux = (own_aux - BACKSHIFT_AUX) | {"will"}
    if obliged_by is None:
        obliged_by = _obliging_reporter(verb)
    for _ in range(MAX_CLAUSE_HOPS):
        children = list(current.children)
        aux = own_aux if current == verb else {
            c.lower_ for c in children if c.dep_ in {"aux", "auxpass"}}
        marks = {c.lower_ for c in children if c.dep_ == "mark" and c.lower_ in CONDITION_MARKS}
        if aux & HYPOTHETICAL_AUX or marks:
            modality = "hypothetical"
            cues.append(f"mod:hypothetical={'|'.join(sorted((aux & HYPOTHETICAL_AUX) | marks))}")
        elif aux & FUTURE_AUX and modality == "asserted":
            modality = "intended"
            cues.append("mod:future_aux")
        if current.dep_ in {"acl", "ccomp"} and current.head.pos_ == "NOUN" \
                and current.head.lemma_.lower() in DEMAND_NOUNS:
            modality = "hypothetical"  # "its demand that Israel ease …": not (yet) done
            cues.append(f"mod:demand_noun={current.head.lemma_.lower()}")
            break
        noun = current.head.lemma_.lower() if current.dep_ == "acl" \
            and current.head.pos_ == "NOUN" else ""
        if noun in word_classes["failing_noun"]:
            negated = True  # "the failure of Kenya to prosecute": no prosecution
            cues.append(f"neg:failing_noun={noun}")
            break
        if noun in word_classes["suspending_noun"]:
            modality = "hypothetical"  # "attempts to extradite him": tried, not done
            cues.append(f"mod:suspending_noun={noun}")
            break
        if current.dep_ not in {"xcomp", "ccomp", "advcl", "conj"} or current.head == current:
            break
        head = current.head
        lemma = head.lemma_.lower()
        if current.dep_ == "ccomp" and lemma in DEMAND_VERBS:
            modality = "hypothetical"  # "demanded that Moscow withdraw": asked, not done
            cues.append(f"mod:demand_verb={lemma}")
        if lemma in ENABLING_VERBS and purpose_clause(current):
            modality = "hypothetical"  # "trained the army to fight": a purpose, not an act
            cues.append(f"mod:purpose_of={lemma}")
        if current.dep_ in {"ccomp", "xcomp"} and lemma in word_classes["permitting_verb"]:
            modality = "hypothetical"  # "the decree allows the army to support the police"
            cues.append(f"mod:permitted={lemma}")
        if current.dep_ == "xcomp" and lemma in word_classes["trying_verb"]:
            modality = "hypothetical"  # "struggles to fund them": tried, not done
            cues.append(f"mod:tried={lemma}")
        if current.dep_ == "ccomp" and lemma in word_classes["denying_verb"]:
            negated = True  # "denied that the Kurds were negotiating"
            cues.append(f"neg:denied={lemma}")
        if current.dep_ == "xcomp":
            if lemma in NEGATING_VERBS or lemma in word_classes["averting_verb"]:
                negated = True
                cues.append(f"neg:verb={lemma}")
            elif lemma in WARNING_VERBS:
                modality = "hypothetical"
                cues.append(f"mod:warning_verb={lemma}")
            elif lemma in word_classes["scheduled_adjective"]:
                modality = "hypothetical"  # "is due to discuss": on the agenda, not done
                cues.append(f"mod:scheduled={lemma}")
            elif (lemma in INTENT_VERBS or lemma in INTENT_ADJECTIVES) and modality == "asserted":
                modality = "intended"
                cues.append(f"mod:intent={lemma}")
            if _negated_here(head) and lemma not in WARNING_VERBS:
                negated = True
                cues.append(f"neg:governor={lemma}")
        if current.dep_ == "ccomp" and lemma in SPEECH_VERBS and modality == "asserted":
            speaker = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if speaker is not None and speaker.lemma_.lower() in UNNAMED_SOURCES:
                modality = "reported"
                cues.append(f"mod:unnamed_source={speaker.lemma_.lower()}")
        current = head
    if conditions - {"unless"}:
        modality = "hypothetical"
        cues.append(f"mod:condition={'|'.join(sorted(conditions - {'unless'}))}")
    if modality == "asserted" and (
            any(t.lower_ in REPORTED_MARKERS for t in sentence)
            or "according to" in sentence.text.lower()):
        modality = "reported"
        cues.append("mod:reported_marker")
    if obliged_by is not None:
        return Modality(negated, "asserted", obliged_by=obliged_by,
                        cues=(*cues, f"mod:obliged_by={obliged_by.lemma_.lower()}"))
    unless = "unless" in conditions and modality == "intended"
    return Modality(negated, modality, unless=unless, cues=tuple(cues))
