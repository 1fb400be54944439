"""Quotes, speakers, figures, dates and entities on small texts written for these tests.

The texts are invented (no seed's words); each test states one convention of
news prose and checks the extractor follows it.
"""

from __future__ import annotations

import pytest

from dossier.corpus.entities import MentionRef, link_entities
from dossier.extract.dates import find_dates, infer_published
from dossier.extract.document import extract_text
from dossier.extract.figures import words_to_number
from dossier.extract.quotemarks import find_quote_spans


def quotes_of(text: str, published: str | None = "2024-05-14"):
    return extract_text(text, published)["quotes"]


def speaker_of(text: str, fragment: str) -> str | None:
    for q in quotes_of(text):
        if fragment in q["text"]:
            return q["speaker_name"]
    raise AssertionError(f"no quote with {fragment!r} in {[q['text'] for q in quotes_of(text)]}")


# --- quotation marks -----------------------------------------------------------------------


def test_quote_running_over_paragraphs_with_only_the_last_closed():
    text = "She said: “The first part runs on.\n\n“The second part goes on.\n\n“And the third ends here.”\n\nThen prose."
    spans = find_quote_spans(text)
    assert [text[s.start:s.end] for s in spans] == ["The first part runs on.", "The second part goes on.",
                                                    "And the third ends here."]
    assert [s.continues for s in spans] == [False, True, True]


def test_apostrophes_are_not_quotation_marks():
    text = "‘We don’t accept the workers’ terms,’ Ms Varga said. ‘It isn’t over.’"
    got = [text[s.start:s.end] for s in find_quote_spans(text)]
    assert got == ["We don’t accept the workers’ terms,", "It isn’t over."]


def test_straight_quotes_pair_by_position():
    text = 'The mayor said "the bridge will reopen" and added "we are ready".'
    assert [text[s.start:s.end] for s in find_quote_spans(text)] == ["the bridge will reopen", "we are ready"]


# --- speakers --------------------------------------------------------------------------------


def test_speaker_after_the_quote():
    assert speaker_of("“The harvest failed this year,” Halvard Brekke said.", "harvest") == "Halvard Brekke"


def test_speaker_inverted_with_role():
    text = "“Prices will rise,” said Ingrid Lund, an economist at the Nordhavn Institute."
    q = quotes_of(text)[0]
    assert q["speaker_name"] == "Ingrid Lund"
    assert "economist" in (q["speaker_role"] or "")


def test_pronoun_resolves_to_the_person_in_focus():
    text = ("Tomasz Wierzba, the port's director, met reporters on Monday.\n\n"
            "“We cannot load ships without cranes,” he said.")
    assert speaker_of(text, "cranes") == "Tomasz Wierzba"


def test_second_quote_of_a_paragraph_keeps_its_speaker():
    text = "“We are ready,” said Mira Castell. “The vote is next week.”"
    assert speaker_of(text, "vote is next week") == "Mira Castell"


def test_quote_paragraph_introduced_by_the_paragraph_before():
    text = ("Union leader Goran Petek, speaking outside the court, called the ruling a victory.\n\n"
            "“For weeks they said we broke the law. The judges said we did not.”")
    assert speaker_of(text, "broke the law") == "Goran Petek"


def test_reporting_chain_names_the_speaker_not_the_channel():
    text = "State broadcaster Radio Varna quoted Defence Minister Ilian Dobrev as saying: “Our troops stay home.”"
    q = next(q for q in quotes_of(text) if "troops" in q["text"])
    assert q["speaker_name"] == "Ilian Dobrev"


def test_an_outlet_reporting_what_others_warned_is_the_channel():
    text = ("The Harbour Gazette reported that on May 3 senior officers from the third regiment of the "
            "Norland Coast Guard warned their commander that a landing would be \"madness\".\n\n"
            "They wrote: \"Our boats are not ready, and our crews know it.\"")
    qs = quotes_of(text)
    relayed = next(q for q in qs if q["kind"] == "indirect" and "landing would be" in q["text"])
    assert relayed["text"].startswith("a landing would be")  # the warning, not the report of it
    assert relayed["speaker_name"] == "Norland Coast Guard" and relayed["channel"] == "Harbour Gazette"
    assert relayed["speaker_role"] == "senior officers from the third regiment"
    wrote = next(q for q in qs if "boats are not ready" in q["text"])
    assert (wrote["speaker_name"], wrote["speaker_role"]) == ("Norland Coast Guard", "senior officers from the third regiment")


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Veltra Energy said output was steady. Its grid subsidiary, Veltra Netz, said it had postponed 12 repairs.",
     "postponed 12 repairs", "Veltra Netz"),  # the name beside the description
    ("The Federation of Dock Workers called the strike on Monday. Federation officials said they expected "
     "support from other unions.", "expected support", "Federation of Dock Workers"),  # the body their word names
    ("The Ministry of Transport has not commented. A ministry spokeswoman said talks would resume on Monday.",
     "talks would resume", "Ministry of Transport"),
    ("The Region of Upper Kessa said the damage would cost €40 million.", "damage would cost", "Region of Upper Kessa"),
])
def test_bodies_that_speak_through_people_and_descriptions(text, fragment, speaker):
    assert speaker_of(text, fragment) == speaker


def test_an_interview_transcript_gives_each_answer_to_the_interviewee():
    text = ("Tea buyer Farid Qureshi spoke to Cup Weekly after the sale.\n\n"
            "Cup Weekly: How much did you buy?\n\n"
            "Qureshi: Forty lots, about half of what we bought in March.\n\n"
            "Cup Weekly: Is there a cartel?\n\n"
            "Qureshi: There is no cartel. The problem is dollars.\n\n"
            "Related: Why tea prices fell")
    answers = [q for q in quotes_of(text) if q["how"] == "transcript"]
    assert [q["text"] for q in answers] == ["Forty lots, about half of what we bought in March.",
                                            "There is no cartel. The problem is dollars."]
    assert {q["speaker_name"] for q in answers} == {"Farid Qureshi"} and all(q["kind"] == "direct" for q in answers)
    assert not any(q["text"].startswith(("How much", "Is there", "Why tea")) for q in quotes_of(text))


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Health spokesman Pádraig Ó Catháin TD said the minister had been told in October.",
     "minister had been told", "Pádraig Ó Catháin"),  # letters after the name are not the name
    ("Agriculture CS Esther Wanjiru Githinji said the auction would be cleaned up within a month.",
     "auction would be cleaned", "Esther Wanjiru Githinji"),  # a title in capitals is the role
    ("Mr Kiprotich arap Langat, chairman of the growers, said the suspension was a fig leaf.",
     "suspension was", "Kiprotich arap Langat"),  # a particle inside the name
    ("An Irish surgeon who exposed the lists has said she was warned to keep quiet.\n\n"
     "Siobhan Ni Bhriain, a consultant orthopaedic surgeon, first raised the alarm in 2024.",
     "she was warned", "Siobhan Ni Bhriain"),  # the description is named in the next paragraph
    ("The talks stalled again, but a Norland Coast Guard captain said the evacuation would go ahead.\n\n"
     + "The ferry operator has cancelled every crossing until Friday and says it will refund tickets. " * 8
     + "\n\nEdda Varr, Captain in the Norland Coast Guard, led the first evacuation in March.",
     "evacuation would go ahead", "Edda Varr"),  # named further on, by a role that repeats the description
])
def test_names_of_other_traditions_and_titles(text, fragment, speaker):
    assert speaker_of(text, fragment) == speaker


def test_a_description_and_a_name_both_parsed_as_the_subject():
    text = ("However, his opponent during the presidential election two years ago, Irena Valtova, told the "
            "broadcaster that she believes the army would refuse the order.")
    assert speaker_of(text, "she believes") == "Irena Valtova"


def test_what_the_new_name_rules_leave_alone():
    got = extract_text("US President Joe Biden said talks would resume. Between 1500 and 2000 troops were sent.\n\n"
                       "Smith: 45 votes\n\nJones: 30 votes", "2024-05-14")
    assert "Joe Biden" in {m["name"] for m in got["mentions"]}  # "US President" is no given name
    assert not any(d["value"] == "2000" for d in got["dates"])  # a count, not a year
    assert not any(q["how"] == "transcript" for q in got["quotes"])  # a tally is no interview


def test_a_place_after_above_is_not_the_speaker_of_the_next_paragraph():
    text = ("Among the protesters was Mzee Wilson Kipngeno, who has grown tea on the slopes above Litein since "
            "1979. Speaking in Kipsigis, the 71-year-old remembered the coffee crash.\n\n"
            "“I watched my neighbours uproot their coffee because the money stopped coming.”")
    assert speaker_of(text, "uproot their coffee") == "Wilson Kipngeno"


def test_organisation_described_after_it_was_named():
    text = ("Veltra Energy cut its forecast on Tuesday.\n\n"
            "The company said demand had fallen for three straight months.")
    assert speaker_of(text, "demand had fallen") == "Veltra Energy"


def test_indirect_quote_with_according_to():
    text = "According to the Coastal Rescue Agency, 40 people were evacuated from the island."
    q = quotes_of(text)[0]
    assert q["kind"] == "indirect" and "40 people were evacuated" in q["text"]
    assert q["speaker_name"] == "Coastal Rescue Agency"


def test_post_with_a_signature_line():
    text = ("The senator replied online within minutes:\n\n"
            "We will not back down. Not now, not ever.\n— Lena Ostrova (@lenaostrova) May 2, 2024\n\n"
            "Her office declined to comment.")
    q = next(q for q in quotes_of(text) if "back down" in q["text"])
    assert q["speaker_name"] == "Lena Ostrova"


def test_scare_quotes_and_questions_are_not_quotes():
    text = "The plan, dubbed “Project Lantern”, was shelved. The firm declined to say how much it had cost."
    assert quotes_of(text) == []


# --- figures ----------------------------------------------------------------------------------


def figures_of(text: str):
    return extract_text(text, "2024-05-14")["figures"]


@pytest.mark.parametrize("words, value", [("twenty-five", 25), ("three hundred and forty", 340),
                                          ("two million", 2e6), ("eleven", 11)])
def test_words_to_number(words, value):
    assert words_to_number(words) == value


def test_figures_with_units_ranges_and_qualifiers():
    text = ("Only three percent of farmers approve of the plan. The army sent between 10 and 15 companies "
            "of up to 120 officers each, and the ministry allocated €107 million to the region. "
            "DKK1.2bn was raised, and the 90-seat chamber meets today. The 61-year-old governor resigned.")
    got = {f["text"]: f for f in figures_of(text)}
    assert got["three percent"]["value"] == 3 and got["three percent"]["unit"] == "percent"
    assert "farmers" in got["three percent"]["measure"]
    rng = next(f for t, f in got.items() if t.startswith("between"))
    assert (rng["value"], rng["value_max"]) == (10, 15)
    assert got["120"]["qualifier"] == "up to" and got["120"]["unit"] == "officer"
    assert got["€107 million"]["value"] == 107e6 and got["€107 million"]["unit"] == "EUR"
    assert got["DKK1.2bn"]["value"] == 1.2e9 and got["DKK1.2bn"]["unit"] == "DKK"
    assert got["90-seat"]["value"] == 90
    assert got["61-year-old"]["unit"] == "years" and got["61-year-old"]["value"] == 61


@pytest.mark.parametrize("text, figure, value, unit", [
    ("The 1,703-meter volcano erupted.", "1,703-meter", 1703, "meter"),
    ("It sits 3.7-mile from the coast.", "3.7-mile", 3.7, "mile"),
    ("The zone was widened to 8km on Monday.", "8km", 8, "km"),
    ("The town of about 48 000 people voted.", "48 000", 48000, "people"),
    ("The council owes R850 000 to the utility.", "R850 000", 850000, "ZAR"),
    ("A deficit of R38.6-million was found.", "R38.6-million", 38.6e6, "ZAR"),
    ("He paid Rs 5 for water.", "Rs 5", 5, "INR"),
])
def test_figures_written_the_ways_other_countries_write_them(text, figure, value, unit):
    got = {f["text"]: f for f in figures_of(text)}
    assert got[figure]["value"] == pytest.approx(value) and got[figure]["unit"] == unit


def test_a_road_is_not_rand_and_one_or_two_is_a_range():
    got = {f["text"]: f for f in figures_of("Road R2 was shut. One or two seats could change hands. "
                                            "Call 020 7946 0000.")}
    assert "R2" not in got and not any(f["value"] == 20794 for f in got.values())
    assert (got["One or two"]["value"], got["One or two"]["value_max"]) == (1, 2)


def test_years_times_and_changes_are_not_ranges():
    text = "Support fell from 41.7 percent to 40.9 percent in 2023, the poll taken at 10 am showed."
    got = [(f["text"], f["value"]) for f in figures_of(text)]
    assert ("41.7 percent", 41.7) in got and ("40.9 percent", 40.9) in got
    assert all(v not in (2023, 10) for _, v in got)


# --- dates -------------------------------------------------------------------------------------


def test_relative_dates_resolve_against_the_publication_date():
    # 2024-05-14 is a Tuesday
    text = ("The strike began last Friday. Talks resumed on Monday and will continue on Thursday. "
            "Earlier this month the union voted. The plant opened two years ago, in March 2022.")
    got = {d["text"]: d["value"] for d in extract_text(text, "2024-05-14")["dates"]}
    assert got["last Friday"] == "2024-05-10"
    assert got["on Monday"] == "2024-05-13"
    assert got["on Thursday"] == "2024-05-16"
    assert got["Earlier this month"] == "2024-05"
    assert got["two years ago"] == "2022"
    assert got["in March 2022"] == "2022-03"


def test_month_without_year_is_the_latest_one_unless_future():
    got = {d.text: d.value for d in find_dates("It rained in October. A vote will be held in June.", "2024-05-14")}
    assert got == {"in October": "2023-10", "in June": "2024-06"}


@pytest.mark.parametrize("text, date, value", [
    ("The airline said it had cancelled all flights until at least Friday.", "until at least Friday", "2024-05-17"),
    ("The decision rests with the congress, which meets on Thursday.", "on Thursday", "2024-05-16"),
    # 2024-05-14 is a Tuesday
    ("The minister said he had not seen the note until Friday.", "until Friday", "2024-05-10"),
    ("Crews had contained most of the fire by Monday evening, officials said.", "by Monday evening", "2024-05-13"),
    ("The council called an emergency session for Friday.", "for Friday", "2024-05-17"),
    # a day and month with no tense to go by, ranges, months after other prepositions
    ("The defendant must appear before the court on 10 June.", "10 June", "2024-06-10"),
    ("The terms of reference give the judge until September 30 to report.", "September 30", "2024-09-30"),
    ("Patients referred between 2022 and 2023 were left off the lists.", "and 2023", "2023"),
    ("Prices would stay weak into June, brokers said.", "into June", "2024-06"),
    ("Police arrested a man for Friday's attack.", "for Friday", "2024-05-10"),  # whose day, not a day ahead
    # dates in figures: day first with dots and dashes; with slashes only when the order is plain
    ("The appeal is set for 07.11.2024.", "07.11.2024", "2024-11-07"),
    ("The board published the result on 31-05-2024.", "31-05-2024", "2024-05-31"),
    ("It was filed on 31/05/2024 and served on 05/30/2024.", "05/30/2024", "2024-05-30"),
])
def test_which_way_a_date_points(text, date, value):
    got = {d["text"]: d["value"] for d in extract_text(text, "2024-05-14")["dates"]}
    assert got[date] == value


def test_without_a_verb_from_the_parse_a_date_takes_the_tense_of_its_own_clause():
    from dossier.extract.dates import _clause_around

    text = "The judge reserved judgment on Friday in the case, and said she would rule on Tuesday."
    assert "would" not in _clause_around(text, text.index("Friday"))
    assert "would" in _clause_around(text, text.index("Tuesday"))


def test_today_in_a_signed_post_is_the_posts_day_and_a_paper_called_today_is_no_date():
    text = ("The mayor posted a message.\n\nToday we began handing out rice.\n\n"
            "\u2014 Ana Lopes (@analopes) May 10, 2024\n\nShe told USA Today the work would go on.")
    got = [(d["text"], d["value"]) for d in extract_text(text, "2024-05-14")["dates"]]
    assert ("Today", "2024-05-10") in got and sum(t == "Today" for t, _ in got) == 1


def test_what_was_expected_lies_ahead_of_the_saying():
    text = "The director said a decision was expected before the end of November. The talks were held in November."
    got = [d["value"] for d in extract_text(text, "2026-09-14")["dates"]]
    assert got == ["2026-11", "2025-11"]


def test_weekday_that_does_not_match_its_date_is_marked():
    (d,) = [d for d in find_dates("The meeting on Wednesday, March 4, 2021 was short.", None) if d.value.startswith("2021")]
    assert d.weekday_mismatch  # 4 March 2021 was a Thursday


def test_inferred_publication_date():
    assert infer_published("Officials met on June 3, 2023 and again on June 9, 2023.") == "2023-06-09"
    # one weekday/date pair far from the years the text names is not trusted
    assert infer_published("In 2011 the plant opened. On Friday, October 13, workers left.") is None
    assert infer_published("No dates at all here.") is None


# --- entities across documents -----------------------------------------------------------------


def ref(doc, name, kind="PERSON", start=0):
    return MentionRef(doc, start, start + len(name), name, kind)


def test_transliterations_and_surnames_merge_but_namesakes_do_not():
    ents = link_entities([
        ref("a", "Aleksandr Dzhumabayev"), ref("b", "Alexander Jumabaev"), ref("b", "Jumabaev", start=50),
        ref("c", "Viktor Halenko"), ref("c", "Viktor Brusko", start=40), ref("d", "Brusko"),
        ref("a", "Institute for Coastal Studies", "ORG", 80), ref("d", "ICS", "ORG", 30),
    ])
    by_variant = {v: e["id"] for e in (x.to_dict() for x in ents) for v in e["variants"]}
    assert by_variant["Aleksandr Dzhumabayev"] == by_variant["Alexander Jumabaev"] == by_variant["Jumabaev"]
    assert by_variant["Viktor Halenko"] != by_variant["Viktor Brusko"]
    assert by_variant["Brusko"] == by_variant["Viktor Brusko"]
    assert by_variant["ICS"] == by_variant["Institute for Coastal Studies"]


def test_a_name_written_with_a_hyphen_for_a_space_is_one_person():
    ents = link_entities([ref("a", "Ama Serwaa-Boateng"), ref("b", "Ama Serwaa Boateng"), ref("c", "Ama Serwaa")])
    by_variant = {v: e["id"] for e in (x.to_dict() for x in ents) for v in e["variants"]}
    assert by_variant["Ama Serwaa-Boateng"] == by_variant["Ama Serwaa Boateng"]


def test_initials_join_the_one_person_who_has_them():
    ents = link_entities([ref("a", "Đ.Š."), ref("a", "N.R.", start=20), ref("b", "Đorđije Šćepanović"),
                          ref("c", "Djordjije Scepanovic"), ref("b", "Nina Rossi", start=40),
                          ref("c", "Nils Ruud", start=40)])
    by_variant = {v: e["id"] for e in (x.to_dict() for x in ents) for v in e["variants"]}
    initials = lambda s: by_variant[next(v for v in by_variant if v.rstrip(".") == s)]
    assert initials("Đ.Š") == by_variant["Đorđije Šćepanović"] == by_variant["Djordjije Scepanovic"]
    assert initials("N.R") not in (by_variant["Nina Rossi"], by_variant["Nils Ruud"])  # two people have them


def test_places_are_no_initials():
    got = extract_text("The E.U. (27) agreed new sanctions on Monday.", "2024-05-14")
    assert {m["name"]: m["type"] for m in got["mentions"]}.get("E.U.") != "PERSON"


def test_initials_with_an_age_are_a_person():
    got = extract_text("Police named them only by initials and age: Đ.Š. (54) and N.R. (39).", "2024-05-14")
    assert {m["name"]: m["type"] for m in got["mentions"]}.get("N.R.") == "PERSON"


def test_an_ambiguous_date_in_figures_is_no_date_and_a_job_written_as_a_title_is_no_name():
    got = extract_text("Lawyer Osei-Tutu said the deed was signed on 05/06/2024.", "2024-05-14")
    assert got["dates"] == []  # the fifth of June or the sixth of May
    assert [m["name"] for m in got["mentions"] if m["type"] == "PERSON"] == ["Osei-Tutu"]


def test_every_mention_lands_in_exactly_one_entity():
    refs = [ref("a", "Mira Castell"), ref("a", "Castell", start=30), ref("b", "Norland", "GPE")]
    ents = link_entities(refs)
    assert sum(len(e.mentions) for e in ents) == len(refs)


def test_a_first_name_alone_is_the_one_person_of_its_document_so_called():
    ents = link_entities([
        ref("a", "Nadia Ferrand"), ref("a", "Nadia", start=60),
        ref("b", "Tomas Keel"), ref("b", "Tomas Brandt", start=30), ref("b", "Tomas", start=90),
        ref("c", "Nadia", start=10),
        ref("a", "World Health Organisation", "ORG", 120), ref("b", "World Health Organization", "ORG", 150),
    ])
    by_doc = {(m.doc, m.name): e.id for e in ents for m in e.mentions}
    assert by_doc[("a", "Nadia")] == by_doc[("a", "Nadia Ferrand")]
    # two Tomases in b: the first name alone says nothing; and no full name in c to go to
    assert by_doc[("b", "Tomas")] not in (by_doc[("b", "Tomas Keel")], by_doc[("b", "Tomas Brandt")])
    assert by_doc[("c", "Nadia")] != by_doc[("a", "Nadia Ferrand")]
    assert by_doc[("a", "World Health Organisation")] == by_doc[("b", "World Health Organization")]


def test_a_date_in_a_sentence_without_a_verb():
    # a dated headline-like fragment: the parse has no verb to read the tense from
    got = extract_text("Results on Monday, May 13.\n\nTurnout: 40 percent.", "2024-05-14")
    assert {d["value"] for d in got["dates"]} == {"2024-05-13"}


def test_two_surnames_and_dropped_accents():
    ents = link_entities([ref("a", "Gabriela Ortiz Salcedo"), ref("b", "Gabriela Ortiz"), ref("c", "Ortíz"),
                          ref("c", "Gabriela Montes", start=40)])
    by_variant = {v: e["id"] for e in (x.to_dict() for x in ents) for v in e["variants"]}
    assert by_variant["Gabriela Ortiz Salcedo"] == by_variant["Gabriela Ortiz"] == by_variant["Ortíz"]
    assert by_variant["Gabriela Montes"] != by_variant["Gabriela Ortiz"]


def test_two_surnames_without_the_given_name_in_the_same_document():
    ents = link_entities([ref("a", "Tomás Reyes Prado"), ref("a", "Reyes Prado", start=60), ref("a", "Ana Prado", start=90),
                          ref("b", "Juan Carlos Ortega"), ref("c", "Carlos Ortega"),
                          ref("a", "European Central Bank", "ORG", 120), ref("b", "Central Bank", "ORG", 90)])
    by_variant = {v: e["id"] for e in (x.to_dict() for x in ents) for v in e["variants"]}
    assert by_variant["Reyes Prado"] == by_variant["Tomás Reyes Prado"] != by_variant["Ana Prado"]
    assert by_variant["Carlos Ortega"] != by_variant["Juan Carlos Ortega"]  # another document: maybe another man
    assert by_variant["Central Bank"] != by_variant["European Central Bank"]


def test_quoted_words_inside_reported_speech_are_the_speakers():
    text = "Ivo Marek said the board was “in active talks” with two buyers. The plan, dubbed “Project Lantern”, was shelved."
    direct = [q for q in quotes_of(text) if q["kind"] == "direct"]
    assert [(q["text"], q["speaker_name"]) for q in direct] == [("in active talks", "Ivo Marek")]


def test_a_surname_alone_at_the_start_of_a_sentence_is_a_mention():
    # the small model finds "Alan Whitworth" but not "Whitworth" opening the next paragraph
    text = ("A judge granted an injunction on Tuesday preventing owner Alan Whitworth from completing the sale.\n\n"
            "Whitworth, who has owned the club since 2011, was in defiant mood before the ruling.\n\n"
            "“I have given this club fourteen years,” he told reporters. Young fans were not convinced.")
    got = extract_text(text, "2024-05-14")
    people = [(m["name"], text[m["start"]:m["end"]]) for m in got["mentions"] if m["type"] == "PERSON"]
    assert ("Whitworth", "Whitworth") in people
    assert not any(name == "Young" for name, _ in people)
    (q,) = [q for q in got["quotes"] if "fourteen" in q["text"]]
    assert q["speaker_name"] in ("Whitworth", "Alan Whitworth")


def test_a_name_after_a_job_title_is_the_person_and_the_words_before_it_the_employer():
    # the small model takes "Vardo" for a person here and misses "Eero Laaksonen"
    text = ("Vardo Minerals Chief Executive Eero Laaksonen said the company had answered every question. "
            "“I see no reason why the permit should not be granted,” he said.\n\n"
            "Director General Anna Berg did not comment.")
    got = extract_text(text, "2026-09-14")
    kinds = {m["name"]: m["type"] for m in got["mentions"]}
    assert kinds.get("Eero Laaksonen") == "PERSON" and kinds.get("Vardo Minerals") == "ORG"
    assert "General Anna" not in kinds  # a title word is not a first name
    assert {q["speaker_name"] for q in got["quotes"]} == {"Eero Laaksonen"}


def test_a_name_after_a_noun_for_a_person_that_the_model_missed():
    # the small model finds no one in "Dunmore coach Ana Ruiz"
    got = extract_text("Up on the hill, Dunmore coach Ana Ruiz sounded calm. “We stay up,” she said.", "2024-05-10")
    people = {m["name"]: m["role"] for m in got["mentions"] if m["type"] == "PERSON"}
    assert people == {"Ana Ruiz": "Dunmore coach"}
    assert [q["speaker_name"] for q in got["quotes"]] == ["Ana Ruiz"]


def test_a_question_and_answer_interview_quotes_the_person_it_interviews():
    text = ("The harbour board met on Monday.\n\n"
            "Mira Castell, 48, has run the port authority since 2026. We spoke by phone; the interview was edited.\n\n"
            "Q. Is the strike over?\n\n"
            "A. Not yet. The crews want a written offer.\n\n"
            "They will get one on Friday.\n\n"
            "Q: And the fees?\n\n"
            "A: They stay where they are.\n\n"
            "— Tom Reyes, Lisbon")
    got = [(q["text"], q["speaker_name"]) for q in extract_text(text, "2024-05-14")["quotes"] if q["kind"] == "direct"]
    assert got == [("Not yet. The crews want a written offer.", "Mira Castell"),
                   ("They will get one on Friday.", "Mira Castell"),  # the answer runs on
                   ("They stay where they are.", "Mira Castell")]  # (the sign-off is the outlet's)


def test_a_day_that_dates_the_saying_is_not_said():
    got = extract_text("The port authority said Monday it had found cracks in the pier.", "2024-05-14")["quotes"]
    assert [q["text"] for q in got] == ["it had found cracks in the pier"]


def test_review_names_dates_and_scales():
    people = lambda t: {m["name"]: m["type"] for m in extract_text(t, "2024-05-14")["mentions"]}
    assert people("Tottenham captain Son Heung-min scored twice.").get("Son Heung-min") == "PERSON"  # "Son" is a name
    assert people("Commodities trader Harbour Resources bought the cargo.").get("Harbour Resources") == "ORG"
    assert extract_text("The firmware version 2.1.2030 shipped.", "2024-05-14")["dates"] == []
    assert [f["value"] for f in figures_of("Revenue rose from 12 to 15 million dollars.")] == [12e6, 15e6]
    assert [f["unit"] for f in figures_of("The storm brought 120 km/h gusts.")] == ["km/h"]  # not "h"


def test_places_in_datelines_and_x_based_are_not_speakers():
    # the small model calls "TALLINN" and "Oslo" here organisations
    text = ("TALLINN (Reuters) - Shares in Ostrava Biologics jumped on Monday.\n\n"
            "The Oslo-based company said 3,200 patients took the drug for 68 weeks.\n\n"
            "The three-judge panel said in its ruling that the union had met all legal requirements.")
    got = extract_text(text, "2024-05-14")
    types = {m["name"]: m["type"] for m in got["mentions"]}
    assert types["TALLINN"] == "GPE" and types["Oslo"] == "GPE"
    assert not any(q["speaker_name"] in ("TALLINN", "Oslo") for q in got["quotes"])


def test_speakers_named_in_a_clause_or_the_sentence_before():
    text = ("Ruth Anand runs the clinic. Harriet Vane, the trust's chair, declined to comment on the price.\n\n"
            "For Anand, the most interesting question is what happens after patients stop. "
            "“Almost everyone regains weight,” she said.\n\n"
            "\"Every five years they come, they promise roads,\" said one trader, who gave only his first name, Temir.\n\n"
            "A nurse, who asked to be identified only as Lise, said: “We are tired.”")
    assert speaker_of(text, "Almost everyone") in ("Ruth Anand", "Anand")
    assert speaker_of(text, "Every five years") == "Temir"
    assert speaker_of(text, "We are tired") == "Lise"


def test_a_pronoun_subject_carries_over_from_the_sentence_before():
    text = ("Ilse Marren, a former judge, has become the face of the campaign. "
            "Asked about the mayor's son, Tobias Weld, she was careful. "
            "“He is entitled to the presumption of innocence,” she said.")
    assert speaker_of(text, "presumption") in ("Ilse Marren", "Marren")


def test_a_judges_title_is_not_part_of_the_name():
    t = "Mrs Justice Harwell granted an injunction. Judge Amy Berman Jackson ruled on Monday. The Justice Department said it would appeal."
    names = {(m["name"], m["type"]) for m in extract_text(t, "2024-01-01")["mentions"]}
    assert {("Harwell", "PERSON"), ("Amy Berman Jackson", "PERSON"), ("Justice Department", "ORG")} <= names


def test_an_organisation_name_cut_short_at_the_front_is_made_whole():
    # the small model tags only "General’s Office" here
    t = "The Attorney General’s Office said Tomas Keel, 34, has been ordered to appear before prosecutors on Monday."
    names = {(m["name"], m["type"]) for m in extract_text(t, "2024-01-01")["mentions"]}
    assert ("Attorney General’s Office", "ORG") in names


def test_quoted_terms_are_not_quotes():
    text = ("The valley has sat under what forecasters call a “heat dome” since July. "
            "Farmers complained that the council’s new ‘flood alert’ text messages arrived after the water did. "
            "Mara Quist said the board was “in active talks” with two buyers.")
    got = [(q["kind"], q["text"]) for q in quotes_of(text)]
    assert not any("heat dome" == t or "flood alert" == t for _, t in got)
    assert ("direct", "in active talks") in got
    assert any(k == "indirect" and "text messages arrived" in t for k, t in got)


def test_two_speakers_in_one_sentence_are_two_quotes():
    text = "The Interior Ministry said about 5,000 people took part, while the Harbour Union said more than 20,000 had joined."
    got = [(q["speaker_name"], q["text"]) for q in quotes_of(text)]
    assert ("Interior Ministry", "about 5,000 people took part") in got
    assert any(s and "Harbour Union" in s and "20,000" in t for s, t in got)


def test_speaker_named_in_the_sentence_after_the_quote():
    text = "‘The numbers hold up.’ That was the verdict of Professor Lena Vogt, who was not involved in the study."
    assert speaker_of(text, "numbers hold up") == "Lena Vogt"


# --- names from other naming traditions, and roles that say "person" -------------------------------


def mentions_of(text: str) -> set[tuple[str, str]]:
    return {(m["name"], m["type"]) for m in extract_text(text, "2026-02-16")["mentions"]}


def test_an_age_after_a_name_says_person():
    text = "Nomathemba Dlamini-Khoza won. Dlamini-Khoza, 44, was sworn in on Wednesday in the town hall."
    got = mentions_of(text)
    assert ("Dlamini-Khoza", "PERSON") in got and ("Nomathemba Dlamini-Khoza", "PERSON") in got


def test_a_body_of_x_and_y_keeps_its_whole_name_and_letters_after_a_name_are_dropped():
    got = mentions_of("The Ministry of Fisheries and Oceans said on Monday it would act. "
                      "Advocate Lindiwe Maseko SC argued for the union.")
    assert ("Ministry of Fisheries and Oceans", "ORG") in got
    assert ("Lindiwe Maseko", "PERSON") in got


ROLE_AND_TITLE = ("Its head, Warsito, who like many Javanese uses one name, said the zone was widened. "
                  "Counsel for the council, Advocate Pieter le Grange, said the rules were followed. "
                  "Judge Anneke van der Berg of the High Court ruled that the ballot was valid. "
                  "\u201cThe intention of the voter is clear,\u201d Judge van der Berg wrote.")


@pytest.mark.parametrize("fragment, speaker", [
    ("zone was widened", "Warsito"),  # a role noun next to a name says person, whatever the model says
    ("rules were followed", "Pieter le Grange"),
    ("ballot was valid", "Anneke van der Berg"),  # a judge's name with particles; "ruled that" reports
    ("intention of the voter", "van der Berg"),
])
def test_names_next_to_roles_and_titles(fragment, speaker):
    assert speaker_of(ROLE_AND_TITLE, fragment) == speaker


def test_a_description_stops_before_the_clause_about_it():
    text = "A senior councillor, who spoke on condition of anonymity, said some members wanted to drop the case."
    assert speaker_of(text, "drop the case") == "senior councillor"


def test_a_surname_inside_a_double_barrelled_one_is_not_that_person():
    from dossier.extract.mentions import _surnames_again
    from dossier.extract.nlp import load

    doc = load()("Later Lerato Mokoena-Dube was sworn in, and Dube-Khumalo spoke. Dube agreed.")
    found = [doc.text[m.start:m.end] for m in _surnames_again(doc, [], {"Dube"})]
    assert found == ["Dube"] and _surnames_again(doc, [], {"Dube"})[0].start == doc.text.rindex("Dube")


def test_east_asian_order_particles_nicknames_and_short_organisation_names_link():
    ents = link_entities([
        ref("a", "Park Ji-hoon"), ref("b", "Ji-hoon Park"), ref("a", "Park", start=40),
        ref("a", "Shin Min-seo", start=80), ref("b", "Min-seo Sin", start=60),
        ref("c", 'Johannes "Hannes" van Wyk'), ref("c", "Van Wyk", start=50), ref("d", "Hannes van Wyk"),
        ref("a", "Larkspur Data Systems", "ORG", 120), ref("b", "Larkspur Data", "ORG", 130),
    ])
    by = {(m.doc, m.name): e.id for e in ents for m in e.mentions}
    assert by[("a", "Park Ji-hoon")] == by[("b", "Ji-hoon Park")] == by[("a", "Park")]
    assert by[("a", "Shin Min-seo")] == by[("b", "Min-seo Sin")] != by[("a", "Park Ji-hoon")]
    assert by[("c", "Johannes van Wyk")] == by[("c", "Van Wyk")] == by[("d", "Hannes van Wyk")]
    assert by[("a", "Larkspur Data Systems")] == by[("b", "Larkspur Data")]


SPEAKERS_IN_CONTEXT = (
    "Rep. Nara Kwon of the assembly said she would call a hearing.\n\n"
    "At a shop in the city centre, Daniel Osei, a 34-year-old driver, said he had changed his passwords.\n\n"
    "\u201cNow they tell me the problem is the card,\u201d he said.\n\n"
    "Party whip Lena Brandt, who lodged the objection, was blunt: \u201cThe officer did her job.\u201d\n\n"
    "Judge Mira Holm of the High Court heard the case. Counsel Tom Reed argued for the council. "
    "The judge asked him: \u201cIf I can read the initials, why not the cross?\u201d\n\n"
    "\u201cThe eruption came with very little warning,\u201d Warsito, who heads the national volcano agency "
    "and, like many people on the island of Java, uses a single name, told reporters in the capital.")


@pytest.mark.parametrize("fragment, speaker", [
    ("problem is the card", "Daniel Osei"),  # "he" in "X said he had ..." is X, not someone before
    ("officer did her job", "Lena Brandt"),  # a sentence ending in a colon introduces the quote
    ("read the initials", "Mira Holm"),  # "the judge": the person the text titled Judge
    ("very little warning", "Warsito"),  # the name in the attribution slot, past a clause about him
])
def test_speakers_from_the_context_of_the_quote(fragment, speaker):
    assert speaker_of(SPEAKERS_IN_CONTEXT, fragment) == speaker


def test_a_reported_clause_does_not_run_out_of_a_direct_quote():
    quotes = quotes_of(SPEAKERS_IN_CONTEXT)
    assert not any(q["kind"] == "indirect" and "little warning" in q["text"] for q in quotes)


def test_one_span_is_one_quote_even_when_the_closing_mark_stands_apart():
    """A reported clause that is exactly the quoted words gave two quotes with one id, and one
    duplicate id cost a whole build its analysis."""
    text = "Sales rose.\n\n\u201cWe have never had demand like that day, and continue to see it \u201d Moreau said.\n\nMore."
    spans = [(q["start"], q["end"]) for q in quotes_of(text)]
    assert len(spans) == len(set(spans)) >= 1


def test_according_to_names_who_says_it_past_a_title():
    text = ("The sixth victim, a man from Ladoka who suffered burns, died at Hillcrest Hospital on Friday, "
            "according to hospital director Maria Goreti Palma.")
    assert speaker_of(text, "sixth victim") == "Maria Goreti Palma"


def test_a_pronoun_after_a_described_person_is_the_person_the_description_names():
    text = ("Health Minister Aled Corwen faced questions on Tuesday.\n\n"
            "Opposition spokeswoman Brona Tally has said Mr Corwen was warned about the backlog in May. "
            "The minister denies it. He says the report did not reach him until last week.")
    assert speaker_of(text, "did not reach him") == "Aled Corwen"


def test_a_number_that_labels_a_thing_is_no_figure():
    got = {f["text"]: f for f in figures_of("Engineers said Unit 2 could restart within six weeks, and lot 3018 "
                                            "sold for $4 million. In Harbin 20 people were hurt.")}
    assert "2" not in got and "3018" not in got
    assert got["$4 million"]["value"] == 4e6 and got["20"]["value"] == 20


def test_tallies_counts_and_anonymous_sources_stay_as_they_were():
    got = [f["text"] for f in figures_of("The aggregate 12,000 tonnes were shipped. Along the route 40,000 people "
                                         "cheered. The Greens won 7 and the SNP 3.")]
    assert {"12,000", "40,000", "7", "3"} <= set(got)
    assert not figures_of("Unit 2 was shut down in May.")
    text = ("A senior police officer, speaking on condition of anonymity, said the inquiry would widen.\n\n"
            + "The harbour was closed for the day and ferries were held at the quay. " * 20
            + "\n\nMark Hale, the senior police officer in charge of the next district, declined to comment.")
    assert speaker_of(text, "inquiry would widen") != "Mark Hale"


def test_a_panel_transcript_gives_each_turn_to_the_person_its_first_name_labels():
    text = ("On this week's show, the auctioneer Mara Quill and the dealer Tobias Fenn discuss the sale.\n\n"
            "MARA: The room was full by ten. I have not seen that since the spring.\n\n"
            "TOBIAS: Full of lookers, not buyers. Nobody raised a paddle for the first hour.\n\n"
            "MARA: Two lots went above their estimates in the end.\n\n"
            "TOBIAS: Two out of forty is not a market.")
    turns = [q for q in quotes_of(text) if q["how"] == "transcript"]
    assert [q["speaker_name"] for q in turns] == ["Mara Quill", "Tobias Fenn", "Mara Quill", "Tobias Fenn"]
    assert turns[1]["text"].startswith("Full of lookers")


@pytest.mark.parametrize("text", [
    "Donald Trump and Kamala Harris are close.\n\nPennsylvania\n\nTrump: 48%\n\nHarris: 47%\n\nMichigan\n\n"
    "Trump: 46%\n\nHarris: 48%",
    "Grant Shapps announced the fund.\n\nGrant: £50,000 for the Leeds project\n\nDeadline: 1 June\n\n"
    "Grant: £20,000 for the York project",
])
def test_a_table_of_names_and_figures_is_no_transcript(text):
    assert not any(q["how"] == "transcript" for q in quotes_of(text))


def test_a_participle_after_a_reported_clause_is_a_second_statement_of_the_same_speaker():
    text = ("Earlier this month, Ivar Lund told the state news agency, Norpress, that Norland may join forces with "
            "Kessa in combat, stating plans must be “advanced” in order to counter “all kinds of scoundrels”.")
    got = {q["text"]: q["speaker_name"] for q in quotes_of(text) if q["kind"] == "indirect"}
    assert got.get("Norland may join forces with Kessa in combat") == "Ivar Lund"
    stated = next(t for t in got if t.startswith("plans must be"))
    assert got[stated] == "Ivar Lund"


def test_an_undated_text_keeps_month_and_day_with_a_blank_year():
    from dossier.extract.dates import find_dates, infer_published
    text = "The talks began on October 10 and ended in May; last May they had stalled. On Friday they met."
    got = {d.text: d.value for d in find_dates(text, None)}
    assert got == {"October 10": "--10-10", "in May": "--05"}  # "last May" and "Friday" need the day
    assert infer_published(text) is None


@pytest.mark.parametrize("intro", [
    "This week our host, Ines Varga, spoke to the harbour master, Piet Oduya.",  # the text says who hosts
    "Ines Varga spoke to the harbour master, Piet Oduya, after the vote.",  # the voice that keeps asking
])
def test_a_named_hosts_questions_are_not_quotes_and_an_answer_runs_on_to_the_next_turn(intro):
    text = (f"{intro}\n\n"
            "VARGA: Piet, the council voted six to one. Is the port closing?\n\n"
            "ODUYA: Not closing. We lose the night shift, and that is bad enough.\n\n"
            "We will keep the day crews. Nobody loses a contract this year.\n\n"
            "VARGA: The mayor said on Monday the cuts were \"only temporary\". Do you believe her?\n\n"
            "ODUYA: I believe the budget, and the budget says two years.\n\n"
            "After the interview, the council said the vote would stand.")
    quotes = quotes_of(text)
    turns = [q for q in quotes if q["how"] == "transcript"]
    assert [q["text"][:12] for q in turns] == ["Not closing.", "We will keep", "I believe th"]
    assert {q["speaker_name"] for q in turns} == {"Piet Oduya"}
    assert not any(q["text"].startswith(("Piet, the council", "The mayor said", "the council said")) and
                   q["how"] == "transcript" for q in quotes)
    assert any(q["text"] == "only temporary" for q in quotes)  # a quote inside a question is still read


def test_a_bracketed_acronym_is_not_part_of_the_name_and_a_name_after_a_human_noun_is_a_person():
    got = mentions_of("The Court of Arbitration for Sport (CAS) has cut the ban of Ethiopian marathon runner "
                      "Birtukan Alemayehu to 20 months.")
    assert ("Court of Arbitration for Sport", "ORG") in got
    assert not any("(" in name for name, _ in got)
    assert ("Birtukan Alemayehu", "PERSON") in got


@pytest.mark.parametrize("text, fragment, speaker", [
    # a label before a colon is not the subject; "the panel" is the court's
    ("The Court of Arbitration for Sport heard the appeal in May. The agency's lawyers left early.\n\n"
     "The detail: the three-member panel, chaired by the arbitrator Henrik Lindqvist, found that the drug was "
     "\"more likely than not\" present in the tonic.", "the drug was", "Court of Arbitration for Sport"),
    # the name set beside the description, which the parse hangs on the verb
    ("Police searched the flat of Vera Lindqvist on Sunday. The paper quotes the officer in charge, inspector "
     "Clara Ferrante, as saying that the money \"will be traced note by note\".", "the money", "Clara Ferrante"),
    # a lede's definite description, named in the next paragraph
    ("The head of the grain reserve was held yesterday, as the minister responsible admitted that the system "
     "had 'failed the farmers when they needed it most'.\n\nOyun Batsaikhan, the agriculture minister, made the "
     "admission in parliament.", "the system had", "Oyun Batsaikhan"),
])
def test_speakers_named_beside_or_after_their_description(text, fragment, speaker):
    assert speaker_of(text, fragment) == speaker


@pytest.mark.parametrize("sentence, published, when", [
    ("The envelopes are opened at the count on Ash Wednesday, Feb. 10.", "2027-02-03", "2027-02-10"),  # present passive
    ("The new price is due to be announced at a ceremony in Giresun on Thursday, Aug 19.", "2027-07-28", "2027-08-19"),
    ("The union has called a rally in Ordu for Saturday, August 14.", "2027-08-05", "2027-08-14"),
])
def test_a_timetabled_date_a_few_days_ahead_is_this_years(sentence, published, when):
    dates = extract_text(sentence, published)["dates"]
    assert [(d["value"], d["weekday_mismatch"]) for d in dates] == [(when, False)]


def test_a_datelines_date_is_when_the_story_was_filed_not_an_event():
    text = ("ISTANBUL, July 28 (Granary Wire) - Growers are pressing the government to set the purchase price "
            "at 250 lira a kilo.\n\nThe union held a rally in Ordu on July 20, its leaders said.")
    events = extract_text(text, "2027-07-28")["events"]
    assert [e["date"] for e in events] == ["2027-07-20"]


_REEVES = ("Kuenssberg: Will you rule out raising income tax?\n\n"
           "Reeves: We made a promise in our manifesto and we will keep it.\n\n"
           "Kuenssberg: So no rise in national insurance either?\n\n"
           "Reeves: I am not going to write the budget on your sofa, Laura.")


@pytest.mark.parametrize("intro", [
    "BBC host Laura Kuenssberg asked Rachel Reeves about tax on Sunday.",
    "Rachel Reeves faced Laura Kuenssberg on Sunday, and the presenter repeatedly pressed Rachel Reeves on tax.",
])
def test_only_the_host_is_taken_for_the_host(intro):
    turns = [q for q in quotes_of(f"{intro}\n\n{_REEVES}") if q["how"] == "transcript"]
    assert [q["speaker_name"] for q in turns] == ["Rachel Reeves", "Rachel Reeves"]


@pytest.mark.parametrize("between, after", [
    ("", "Soto's office later said the talks would resume on Monday.\n\nPhoto: Getty Images"),
    ("ON THE ELECTION\n\n", ""),
    ("The council has rejected that. Its leader, Mark Dunn, said the mayor walked out first.\n\n", ""),
])
def test_the_outlets_own_paragraphs_between_turns_are_not_an_answer(between, after):
    text = ("Mayor Ana Soto sat down with reporter Tom Reyes.\n\nQ: Why did the budget fail?\n\n"
            f"Soto: The council never wanted a deal.\n\n{between}Q: What happens now?\n\n"
            f"Soto: We start again in January.\n\n{after}")
    turns = [q["text"] for q in quotes_of(text) if q["how"] == "transcript"]
    assert turns == ["The council never wanted a deal.", "We start again in January."]


@pytest.mark.parametrize("text, fragment, speaker", [
    ("The Supreme Court ruled last year that the agency had overstepped. On Tuesday the House Oversight Committee "
     "held a hearing on its budget. The panel said the agency had failed to hand over documents.",
     "failed to hand over", "House Oversight Committee"),  # the latest body of the panel's kind
    ("The Court of Appeal on Friday upheld a ruling by the High Court that the deportation was lawful. The court "
     "said the minister had acted within her powers.", "acted within", "Court of Appeal"),  # the subject first
    ("Judge Sarah Lee jailed the former accountant on Friday. The judge, sentencing Mark Evans, 54, said he had "
     "betrayed the trust of his clients.", "betrayed the trust", "Sarah Lee"),  # the verb's object is not the speaker
])
def test_bodies_and_people_a_description_stands_for(text, fragment, speaker):
    assert speaker_of(text, fragment) == speaker


@pytest.mark.parametrize("text, fragment", [
    ("The health minister said on Monday that waiting lists had started to fall.\n\nShadow health minister "
     "Wes Streeting said the figures were misleading.", "waiting lists"),
    ("The spokesperson said the company had not been warned.\n\nA union spokesperson, Dave Ward, said workers had "
     "raised concerns.", "had not been warned"),
])
def test_a_lede_description_is_not_the_other_sides_namesake(text, fragment):
    assert speaker_of(text, fragment) not in ("Wes Streeting", "Dave Ward")


def test_a_name_that_modifies_a_noun_or_a_place_is_not_retyped_as_a_person():
    got = mentions_of("The veteran Goldman Sachs banker said rates would fall, as did veteran Hong Kong activist "
                      "Lee Cheuk-yan.")
    assert ("Goldman Sachs", "PERSON") not in got and ("Hong Kong", "PERSON") not in got


def test_initials_swapped_orders_and_longer_forms_of_one_name_merge():
    ents = link_entities([
        ref("a", "Dorjgotov Batbayar"), ref("b", "D.Batbayar", "ORG"), ref("b", "Enkhbold Batbayar", start=40),
        ref("a", "Tsend Oyuntsetseg", start=60), ref("c", "Oyuntsetseg Tsend"),
        ref("a", "Gombo Tsogtbaatar", start=90), ref("c", "Gombyn Tsogtbaatar", start=40),
        ref("d", "Birtukan Alemayehu"), ref("e", "Birtukan Alemayehu Tessema", "ORG"), ref("e", "Birtukan", "ORG", 40),
        ref("f", "Jorge Luiz Nogueira"), ref("f", "NOGUEIRA", "ORG", 60),
        ref("g", "United Nations", "ORG"), ref("g", "U.N.", "ORG", 40),
    ])
    by_variant = {v: e["id"] for e in (x.to_dict() for x in ents) for v in e["variants"]}
    assert by_variant["D. Batbayar"] == by_variant["Dorjgotov Batbayar"] != by_variant["Enkhbold Batbayar"]
    assert by_variant["Tsend Oyuntsetseg"] == by_variant["Oyuntsetseg Tsend"]
    assert by_variant["Gombo Tsogtbaatar"] == by_variant["Gombyn Tsogtbaatar"]
    assert by_variant["Birtukan Alemayehu"] == by_variant["Birtukan Alemayehu Tessema"] == by_variant["Birtukan"]
    assert by_variant["NOGUEIRA"] == by_variant["Jorge Luiz Nogueira"]
    assert by_variant["U.N."] == by_variant["United Nations"]


def test_two_people_who_share_two_given_names_stay_apart():
    ents = link_entities([ref("a", "Antônio Carlos Mendes"), ref("b", "Antônio Carlos da Silva"),
                          ref("c", "María José Cárdenas"), ref("d", "María José Cárdenas Villalba"),
                          ref("e", "Ashbridge Rovers"), ref("e", "Ashbridge Rovers Supporters' Trust", "ORG", 40)])
    by_variant = {v: e["id"] for e in (x.to_dict() for x in ents) for v in e["variants"]}
    assert by_variant["Antônio Carlos Mendes"] != by_variant["Antônio Carlos da Silva"]
    assert by_variant["María José Cárdenas"] == by_variant["María José Cárdenas Villalba"]  # the second surname dropped
    assert by_variant["Ashbridge Rovers"] != by_variant["Ashbridge Rovers Supporters' Trust"]


def test_honorifics_of_other_languages_are_not_part_of_the_name():
    got = mentions_of("Ato Alemayehu Getachew said the federation would pay. Delegada Cláudia Ferraz said the "
                      "inquiry was at an early stage. Herr Klaus Wendt declined to comment.")
    names = {n for n, t in got if t == "PERSON"}
    assert {"Alemayehu Getachew", "Cláudia Ferraz", "Klaus Wendt"} <= names


def test_a_datelines_agency_is_not_who_speaks_in_the_story():
    text = ("ULAANBAATAR, Mongolia (TAW) — Mongolia's anti-corruption agency detained the head of the state fodder "
            "reserve on Tuesday, saying most of the hay had never reached herders.")
    assert speaker_of(text, "most of the hay") != "TAW"


def test_namesakes_and_lookalike_names_stay_apart():
    ents = link_entities([
        ref("a", "Alexei Ivanov"), ref("b", "Alexander Ivanov"),
        ref("c", "Christian Horner"), ref("d", "Christopher Horner"),
        ref("e", "Ma. Theresa Cruz"), ref("f", "Mario Cruz"),
        ref("g", "Daniel James"), ref("h", "James Daniels"),
        ref("i", "Morgan Stanley", "ORG"), ref("i", "Morgan Stanley", "ORG", 40), ref("j", "Stanley Morgan"),
        ref("k", "Charles de Gaulle"), ref("l", "Charles de Gaulle Airport", "ORG"),
        ref("m", "Chelsea Football Club", "ORG"), ref("m", "Chelsea", "ORG", 40), ref("n", "Chelsea Clinton"),
        ref("o", "AUSTIN", "GPE"), ref("p", "Lloyd Austin"),
        ref("q", "SWIFT", "ORG"), ref("r", "Taylor Swift"),
        ref("s", "Kim Jong Un"), ref("t", "Kim Yo Jong"),
    ])
    entity = {v: e for e in (x.to_dict() for x in ents) for v in e["variants"]}
    for a, b in [("Alexei Ivanov", "Alexander Ivanov"), ("Christian Horner", "Christopher Horner"),
                 ("Ma. Theresa Cruz", "Mario Cruz"), ("Daniel James", "James Daniels"),
                 ("Morgan Stanley", "Stanley Morgan"), ("Charles de Gaulle", "Charles de Gaulle Airport"),
                 ("Chelsea", "Chelsea Clinton"), ("AUSTIN", "Lloyd Austin"), ("SWIFT", "Taylor Swift"),
                 ("Kim Jong Un", "Kim Yo Jong")]:
        assert entity[a]["id"] != entity[b]["id"], (a, b)
    assert entity["Morgan Stanley"]["type"] == "ORG" and entity["Charles de Gaulle Airport"]["type"] == "ORG"


def test_an_acronym_that_spells_an_honorific_stays_in_the_name():
    got = mentions_of("SR Technics said on Tuesday that it would cut 200 jobs at its Zurich base.")
    assert not any(name == "Technics" for name, _ in got)


def test_cubic_metres_and_more_currency_codes_are_figures():
    got = {f["text"]: f["unit"] for f in extract_text("Some 55,000m3 of spoil must go, at a cost of PHP 5,000 a truck.",
                                                      "2027-07-01")["figures"]}
    assert got.get("55,000m3") == "m3" and got.get("PHP 5,000") == "PHP"


def test_a_currency_code_before_millions_written_m_is_money():
    got = {f["text"]: (f["value"], f["unit"]) for f in extract_text("Repairs will cost LKR850m, or USD2.8m.", "2027-07-01")["figures"]}
    assert got.get("LKR850m") == (850e6, "LKR") and got.get("USD2.8m") == (2.8e6, "USD")


# --- 2026-11-23: rules from the heldout12 misses, each tried on new wording -------------------


@pytest.mark.parametrize("text, figure, value, unit", [
    ("Seventy-three lifeboats were launched.", "Seventy-three", 73, "lifeboat"),  # a number word is no unit
    ("At dawn it was minus 31 Celsius in the valley.", "minus 31 Celsius", -31, "celsius"),
    ("The gauge read 12°C at noon.", "12°C", 12, "celsius"),
    ("The favourites lost by a tenth of a point.", "a tenth of a point", 0.1, "point"),
    ("Roughly one in six nurses has left the service.", "one in six", 100 / 6, "percent"),
])
def test_signed_and_partial_figures(text, figure, value, unit):
    got = [f for f in figures_of(text) if f["text"].startswith(figure)]
    assert got and got[0]["value"] == pytest.approx(value) and got[0]["unit"] == unit


@pytest.mark.parametrize("text, figure, value, unit", [
    ("Shearers lost 9-14% of their pay.", "9-14%", 9, "percent"),  # a range against its unit
    ("Each bale weighs 40-55kg.", "40-55kg", 40, "kg"),
    ("Rates may reach 2.25%-2.75% by spring.", "2.25%-2.75%", 2.25, "percent"),  # the unit at both ends
    ("Sacks of 20kg–25kg were sold.", "20kg–25kg", 20, "kg"),
    ("The mill takes 8,200t a season.", "8,200t", 8200, "tonne"),
    ("Sales moved -4.5% on the month.", "-4.5%", -4.5, "percent"),
    ("The case took two and a half years.", "two and a half", 2.5, "year"),
    ("Some two and a half million sheep graze there.", "two and a half million", 2_500_000, None),
    ("Buyers paid S/9.75/lb at the fair.", "S/9.75/lb", 9.75, "PEN"),  # Peruvian soles, per pound
    ("The fine came to S/18.2m.", "S/18.2m", 18_200_000, "PEN"),
    ("Families were promised Tk 40,000 each.", "Tk 40,000", 40_000, "BDT"),
    ("Wool fetched US$7.10/kg in Lima.", "US$7.10/kg", 7.10, "USD"),
])
def test_ranges_signs_halves_and_prices_per_unit(text, figure, value, unit):
    got = [f for f in figures_of(text) if f["text"].startswith(figure)]
    assert got and got[0]["value"] == pytest.approx(value) and got[0]["unit"] == unit, figures_of(text)


@pytest.mark.parametrize("text, wanted", [
    ("Hiking trails from 4 to 9 km are marked.", [(4, 9)]),  # "Hiking" is no change
    ("Risk scores range from 1 to 5.", [(1, 5)]),
    ("Upgrades cost from 200 to 300 dollars.", [(200, 300)]),  # a noun, not "upgraded"
    ("The bank lowered its forecast from 2.1 to 1.8 percent.", [(2.1, None), (1.8, None)]),
])
def test_which_from_to_is_a_change(text, wanted):
    assert [(f["value"], f["value_max"]) for f in figures_of(text)] == wanted


@pytest.mark.parametrize("text", ["The $2T stimulus bill passed.", "The clinic bought a 3T MRI scanner.",
                                  "The index moved 1.2%-1.5% higher."])
def test_no_tonnes_in_trillions_or_teslas_and_no_sign_inside_a_range(text):
    assert not any(f["unit"] == "tonne" or f["value"] < 0 for f in figures_of(text))


def test_a_change_takes_the_unit_named_after_its_second_figure():
    got = [(f["value"], f["unit"]) for f in figures_of("Ticket prices climbed from 450 to 520 rupees.")]
    assert got == [(450, "INR"), (520, "INR")]


def test_a_change_from_one_figure_to_another_is_two_figures_but_a_span_is_one():
    changed = figures_of("The board wants to lift the quota from 12,000 to 15,500 tonnes a year.")
    assert [f["value"] for f in changed] == [12_000, 15_500]
    span = figures_of("Night temperatures range from 4 to 9 degrees.")
    assert [(f["value"], f["value_max"]) for f in span] == [(4, 9)]


@pytest.mark.parametrize("sentence, published, text, value", [
    ("The parade was judged on Ash Wednesday.", "2031-03-10", "Ash Wednesday", "2031-02-26"),
    ("Good Friday services were cancelled.", "2029-05-02", "Good Friday", "2029-03-30"),
    # a possessive weekday names an event: its tense is not the sentence's present
    ("Thursday's verdict means the club cannot play until August.", "2030-06-08", "Thursday", "2030-06-06"),
    ("They can pick a new chair on April 30.", "2030-02-19", "April 30", "2030-04-30"),
    ("“September and October are when the wells run dry,” she said.", "2030-08-28", "October", "2030-10"),
    ("A fortnight ago the pumps failed.", "2030-05-16", "A fortnight ago", "2030-05-02"),
    ("The board will decide before the end of the month.", "2030-05-16", "the end of the month", "2030-05"),
    # (and what a review of those rules found them misreading)
    # a story about a recording is no transcript: its dates count from publication
    ("In an interview that was recorded on Sunday and broadcast yesterday, the minister said she would stay.",
     "2030-05-14", "yesterday", "2030-05-13"),
    ("Pilgrims are arriving ahead of Good Friday.", "2030-04-10", "Good Friday", "2030-04-19"),
    ("Police are preparing for New Year's Eve.", "2030-12-20", "New Year's Eve", "2030-12-31"),
    ("Commuters should expect the same disruption as on Monday.", "2030-05-14", "on Monday", "2030-05-13"),
    ("The figures may reflect the storm on Saturday.", "2030-05-14", "on Saturday", "2030-05-11"),
    ("Thursday's vote is set to decide the fate of the government.", "2030-05-14", "Thursday", "2030-05-16"),
    ("Campaigning is suspended before Sunday's runoff.", "2030-05-14", "Sunday", "2030-05-19"),
    ("January and February: floods hit the coast, killing 60.", "2030-12-20", "February", "2030-02"),
    # an undated article keeps the year blank for the corpus to settle
    ("“September and October are when the wells run dry,” she said.", None, "October", "--10"),
])
def test_feasts_fortnights_and_which_way_a_date_points(sentence, published, text, value):
    got = {d["text"]: d["value"] for d in extract_text(sentence, published)["dates"]}
    assert got.get(text) == value, got


def test_a_transcripts_today_is_the_day_it_was_recorded():
    text = ("This interview was recorded on Tuesday, a day after the vote.\n\n"
            "HOST: What now?\n\nMARTINS: Today we start again. The appeal was filed on Monday.")
    got = {d["text"]: d["value"] for d in extract_text(text, "2030-03-14")["dates"]}  # a Thursday
    assert got["Today"] == "2030-03-12" and got["on Monday"] == "2030-03-11"


def test_a_relative_with_the_same_names_is_another_person():
    text = ("Selam Haile Bekele, 24, won the race. Her late father, Haile Bekele, a teacher, died in 2019. "
            "W/ro Selam said she ran for him.")
    ex = extract_text(text, "2030-03-14")
    people = {m["name"]: m["role"] for m in ex["mentions"] if m["type"] == "PERSON"}
    assert people.get("Haile Bekele") == "late father"
    ents = link_entities([MentionRef("a", m["start"], m["end"], m["name"], m["type"], m["role"])
                          for m in ex["mentions"]])
    by_name = {m.name: e.id for e in ents for m in e.mentions}
    assert by_name["Haile Bekele"] != by_name["Selam Haile Bekele"]


def test_names_turned_round_and_closing_words_of_a_club():
    ents = link_entities([
        ref("a", "Ganbold Enkhjargal"), ref("b", "Enkhjargal Ganbold", "ORG"),
        ref("a", "Uniao da Serra Verde", "ORG", 40), ref("b", "Serra Verde", "ORG", 40),
        ref("a", "European Central Bank", "ORG", 80), ref("b", "Central Bank", "ORG", 80),
    ])
    by_variant = {v: e["id"] for e in (x.to_dict() for x in ents) for v in e["variants"]}
    assert by_variant["Ganbold Enkhjargal"] == by_variant["Enkhjargal Ganbold"]
    assert by_variant["Serra Verde"] == by_variant["Uniao da Serra Verde"]
    assert by_variant["Central Bank"] != by_variant["European Central Bank"]


@pytest.mark.parametrize("text, fragment, speaker", [
    # a lede's description, the name given by the role in apposition the model did not tag
    ("The port's manager was suspended yesterday, as the minister responsible conceded that the cranes "
     "had 'never been inspected'.\n\nTserendorj Oyunbileg, the transport minister, spoke in parliament.",
     "the cranes", "Tserendorj Oyunbileg"),
    # "Her lawyer" named in the next paragraph
    ("When the tribunal cut Mara Quist's ban, both sides were pleased. Her lawyer said the judges had "
     "\"listened at last.\"\n\nPieter Hallgren, a Bern lawyer who has argued many such cases, was blunter.",
     "the judges had", "Pieter Hallgren"),
    # the clause after the verb, where the parser also made a clause of the words before the subject
    ("On the other bench, Clube do Vale's president, Rui Tavares Lemos, says the club has hired lawyers "
     "and will appeal.", "the club has hired", "Rui Tavares Lemos"),
    # the reason the speaker gives, in a clause of its own
    ("The critic Ines Moura writes that the jury is weak, because its rules are “as loose as a sail”.",
     "as loose as a sail", "Ines Moura"),
    # "she said" after a two-sentence quote: the person the text named before the quote
    ("The coach, Tomas Varga, said little. According to Lena Brix, an appeal costs a fortune.\n\n"
     "“Justice is for the rich. We had a sponsor,” she said.", "Justice is for the rich", "Lena Brix"),
    # a firm named in apposition to its kind, with a place before it
    ("According to data compiled by the Geneva consultancy Ledgerline Partners, fines doubled in 2029.",
     "fines doubled", "Ledgerline Partners"),
])
def test_speakers_from_heldout12_misses_on_new_wording(text, fragment, speaker):
    assert speaker_of(text, fragment) == speaker


# --- what a review of those rules found them misreading (each failed before its fix) ----------


@pytest.mark.parametrize("sentence", [
    "The Good Friday Agreement ended the Troubles.",  # a feast naming an event of some year
    "The Ash Wednesday bushfires killed 75 people.",
    "Survivors of the Boxing Day tsunami gathered.",
    "Theresa May and Jan Egeland met refugees.",  # names, not months
    "Their daughters, April and June, were at the hearing.",
    "At the end of the month-long strike, workers returned.",
    "At the end of the month of Ramadan, families gathered.",
])
def test_what_is_no_date(sentence):
    assert extract_text(sentence, "2030-05-14")["dates"] == []


@pytest.mark.parametrize("text, figure, value", [
    ("A margin of error of plus or minus 3 percentage points.", "3 percentage points", 3),
    ("It pays £230 a week, minus 20% tax.", "20%", 20),
    ("Temperatures fell to minus 12 overnight.", "minus 12", -12),
    ("It was −12 Celsius at dawn.", "−12 Celsius", -12),
    ("Lows of -5°C are expected.", "-5°C", -5),
    ("The single went to number one in 12 countries.", "12", 12),
    ("They scored one in 90 seconds after the break.", "90", 90),
    ("Nearly half of a typical household's budget goes on food.", "half", 50),
    ("Rates rose by half a percentage point.", "half a percentage point", 0.5),
])
def test_figures_the_review_found_misread(text, figure, value):
    got = {f["text"]: f["value"] for f in figures_of(text)}
    assert got.get(figure) == pytest.approx(value), got


def test_a_title_before_a_business_is_no_person_and_kin_keeps_the_job_too():
    ex = extract_text("Shares of Pak Suzuki fell. Shri Ram Finance rose. The victim's brother, Ahmed Khan, a police "
                      "officer in Lahore, spoke. Her mother, W/ro Zenebech Ayana, travelled from Bekoji.", "2030-01-01")
    people = {m["name"]: m["role"] for m in ex["mentions"] if m["type"] == "PERSON"}
    assert set(people) == {"Ahmed Khan", "Zenebech Ayana"}
    assert people["Ahmed Khan"] == "victim's brother, police officer in Lahore"


def test_club_and_university_and_two_fathers():
    ents = link_entities([ref("a", "Universidad Católica", "ORG"), ref("b", "Pontificia Universidad Católica", "ORG"),
                          MentionRef("c", 0, 21, "Juan Carlos Rodríguez", "PERSON", "father of a missing student"),
                          MentionRef("c", 50, 66, "Carlos Rodríguez", "PERSON", "the student's father")])
    by_variant = {v: e["id"] for e in (x.to_dict() for x in ents) for v in e["variants"]}
    assert by_variant["Universidad Católica"] != by_variant["Pontificia Universidad Católica"]
    assert by_variant["Juan Carlos Rodríguez"] == by_variant["Carlos Rodríguez"]


@pytest.mark.parametrize("text, fragment, speaker", [
    # "his lawyer" is not the victims' lawyer named next
    ("Daniel Okoro, 45, was charged. His lawyer said he would plead not guilty.\n\n"
     "A lawyer for the victims, Grace Adeyemi, said they wanted a trial.", "he would plead", "His lawyer"),
    # a reason with a speaker of its own
    ("Okafor said the ban would be lifted, since the regulator had declared the product “safe for consumers”.",
     "safe for consumers", "regulator"),
    ("According to Norway, which cited figures from Equinor, gas exports rose 4% last year.", "rose 4%", "Norway"),
    ("The plan is dead, Smith told the Financial Times it was clear.", "The plan is dead", "Smith"),
])
def test_speakers_the_review_found_misread(text, fragment, speaker):
    assert speaker_of(text, fragment) == speaker


# --- from the heldout14 misses, on new wording --------------------------------------------------


@pytest.mark.parametrize("text, fragment, speaker", [
    # a second, short quote of the paragraph is a sentence of its own, not a scare quote
    ("“Of the crates opened, most held less grain than billed,” the inspectors wrote. “Some held none.”",
     "Some held none", "inspectors"),
    # the dateline before the dash is no subject
    ("LAOAG, Philippines (NPW) — Provincial auditors said on Monday that the contract was overpriced.",
     "the contract was overpriced", "Provincial auditors"),
    # "it" after a sentence whose subject is "the directorate"
    ("The Kirov Court freed him on Monday. The Anti-Fraud Directorate had asked for a longer term.\n\n"
     "The directorate itself was more guarded. In a statement, it said it \"takes note\" of the ruling.",
     "takes note", "Anti-Fraud Directorate"),
    # a person's name stops at "of"
    ("The weekly interviews Ilinca Dobrescu of Asociaţia Codrul Verde, who says that the case “proves nothing”.",
     "proves nothing", "Ilinca Dobrescu"),
])
def test_speakers_from_heldout14_misses_on_new_wording(text, fragment, speaker):
    assert speaker_of(text, fragment) == speaker


def test_a_body_described_as_one_is_no_person_and_dela_is_a_particle():
    ex = extract_text("He spent 30 years at Silvanor, the state forest administration.", "2030-01-01")
    assert {m["name"]: m["type"] for m in ex["mentions"]}.get("Silvanor") == "ORG"
    ents = link_entities([ref("a", "Ernesto Dela Cruz"), ref("a", "Dela Cruz", start=40),
                          ref("b", "Teresita V. Dela Cruz"), ref("b", "Dela Cruz", start=40)])
    by_doc = {(m.doc, m.name): e.id for e in ents for m in e.mentions}
    assert by_doc[("a", "Ernesto Dela Cruz")] != by_doc[("b", "Teresita V. Dela Cruz")]
    assert by_doc[("a", "Dela Cruz")] == by_doc[("a", "Ernesto Dela Cruz")]
    assert by_doc[("b", "Dela Cruz")] == by_doc[("b", "Teresita V. Dela Cruz")]


@pytest.mark.parametrize("text, fragment, speaker", [
    # "It reports that X told guards ...": X speaks; the report's "and quotes Y as saying" is Y's
    ("The daily leads with a photograph of the mayor. It reports that the mayor told guards he had brought "
     "“only a toothbrush” and quotes his lawyer, Dan Lupu, as saying that his client “is innocent”.",
     "only a toothbrush", "mayor"),
    ("The daily leads with a photograph of the mayor. It reports that the mayor told guards he had brought "
     "“only a toothbrush” and quotes his lawyer, Dan Lupu, as saying that his client “is innocent”.",
     "is innocent", "Dan Lupu"),
    # "the Sibiu paper": a place, not a person
    ("In its editorial, the Cluj paper argues that the court “did its job”.", "did its job", "Cluj paper"),
])
def test_relayed_reports_and_a_place_before_the_paper(text, fragment, speaker):
    assert speaker_of(text, fragment) == speaker


def test_kazakh_and_russian_surname_forms_initials_in_brackets_and_acronyms_with_short_words():
    ents = link_entities([ref("a", "Saule Bekmukhambetova"), ref("b", "Saule Bekmukhambet"),
                          ref("a", "Nurlan Abenov", start=40), ref("b", "Nurlan Abenqali", start=40),
                          ref("a", "Bureau on Fisheries", "ORG", 80), ref("b", "BOF", "ORG", 80)])
    by_variant = {v: e["id"] for e in (x.to_dict() for x in ents) for v in e["variants"]}
    assert by_variant["Saule Bekmukhambetova"] == by_variant["Saule Bekmukhambet"]
    assert by_variant["Nurlan Abenov"] != by_variant["Nurlan Abenqali"]  # another stem
    assert by_variant["BOF"] == by_variant["Bureau on Fisheries"]
    ex = extract_text("Tengiz Shelf Petroleum (TSP), whose survey was halted, blames the virus.", "2030-01-01")
    assert {m["name"]: m["type"] for m in ex["mentions"]}.get("Tengiz Shelf Petroleum") == "ORG"


@pytest.mark.parametrize("sentence, published, text, value", [
    ("The ministry extended the ban on the survey until 30 September.", "2030-05-26", "30 September", "2030-09-30"),
    ("She asks the minister to publish the figures before the end of October.", "2030-09-17", "of October", "2030-10"),
])
def test_dates_ahead_after_a_past_verb(sentence, published, text, value):
    got = {d["text"]: d["value"] for d in extract_text(sentence, published)["dates"]}
    assert got.get(text) == value, got


def test_a_transcript_recorded_the_day_before_it_was_published():
    text = ("This is an edited transcript of Shore Talk, recorded in Atyrau on Monday, 17 May, and published a day "
            "later.\n\nHOST: How many?\n\nGUEST: Tomorrow we count again.\n\nHOST: And then?\n\nGUEST: We rest.")
    got = {d["text"]: d["value"] for d in extract_text(text, "2027-05-18")["dates"]}
    assert got["Tomorrow"] == "2027-05-18"


def test_a_transcript_broadcast_the_day_before_it_was_published():
    text = ("[Edited transcript of Morning Matters on Harbour Radio, broadcast on Wednesday, 14 March 2029.]\n\n"
            "HOST: Good morning.\n\nGUEST: Yesterday the market was empty.\n\nHOST: And now?\n\nGUEST: Quiet.")
    got = {d["text"]: d["value"] for d in extract_text(text, "2029-03-15")["dates"]}
    assert got["Yesterday"] == "2029-03-13"


@pytest.mark.parametrize("text, fragment, speaker", [
    # the answerer's own words, which the answer introduces, stay in the answer
    ("Our guest is the minister, Ana Ruiz.\n\nHOST: What did you tell them?\n\nANA RUIZ: I met Tom Baker last week. "
     "I told him, \"We will not raise the pension age.\"\n\nHOST: And then?\n\nRUIZ: Nothing.\n\nHOST: Thanks?",
     "I met Tom Baker", "Ana Ruiz"),
    # a quote after a sentence that names someone else stays with the speaker (a name alone says nothing)
    ("“The sentence fits the offence,” Judge Amanda Tait told the court. The defendant, Kwame Mensah, showed no "
     "emotion.\n\n“You exploited people for profit.”", "You exploited people", "Amanda Tait"),
])
def test_speakers_the_second_review_found_misread(text, fragment, speaker):
    assert speaker_of(text, fragment) == speaker
    if "pension age" in text:
        assert not any(q["text"].startswith("We will not raise") for q in quotes_of(text))


def test_two_voices_who_share_a_surname_and_places_as_labels():
    text = ("Tonight: farmers Ana Silva and João Silva, and their neighbour.\n\nHOST: How was the year?\n\n"
            "ANA SILVA: Dry. We lost half the maize.\n\nHOST: And you?\n\nJOÃO SILVA: Worse. The well failed.\n\n"
            "HOST: And next year?\n\nANA SILVA: Beans, maybe.\n\nJOÃO SILVA: Goats.\n\nHOST: Thank you both?")
    who = {q["text"][:4]: q["speaker_name"] for q in quotes_of(text)}
    assert who["Dry."] != who["Wors"]
    roundup = ("NEW DELHI: Markets rose on Monday.\n\nHONG KONG: Shares fell.\n\nNEW DELHI: The rupee firmed.\n\n"
               "HONG KONG: Property stocks slid.")
    assert quotes_of(roundup) == []


@pytest.mark.parametrize("text, figure, value", [
    ("Nearly a quarter of a million people fled the fighting.", "a quarter of a million", 250_000),
    ("One in five countries still has no such law.", "One in five", 20),
    ("One in 20 of those tested was positive.", "One in 20", 5),
])
def test_figures_the_second_review_found_misread(text, figure, value):
    got = {f["text"]: f["value"] for f in figures_of(text)}
    assert got.get(figure) == pytest.approx(value), got


@pytest.mark.parametrize("sentence, published, text, value", [
    ("On Christmas Eve President Biden signed the bill into law.", "2030-01-10", "Christmas Eve", "2029-12-24"),
    ("The senator, who was expected to attend Tuesday's hearing, did not show up.", "2030-05-16", "Tuesday",
     "2030-05-14"),
    ("Ministers must explain the decision to Parliament on Thursday.", "2030-05-16", "on Thursday", "2030-05-16"),
])
def test_dates_the_second_review_found_misread(sentence, published, text, value):
    got = {d["text"]: d["value"] for d in extract_text(sentence, published)["dates"]}
    assert got.get(text) == value, got


def test_given_names_that_are_particles_elsewhere_and_brands_of_a_group():
    ents = link_entities([ref("a", "Dela Ofori"), ref("b", "Kwame Ofori"), ref("c", "Zu Yan"), ref("d", "Wang Yan")])
    assert len(ents) == 4
    ex = extract_text("Real Madrid of La Liga won again. Spielberg, the producer, said the film was done.", "2030-01-01")
    types = {m["name"]: m["type"] for m in ex["mentions"]}
    assert types.get("Real Madrid") != "PERSON" and types.get("Spielberg") == "PERSON"


def test_the_n_year_old_is_the_one_person_given_that_age():
    text = ("Stefan Ilie, 58, the former head of the forest district, was freed. Judges said the charge was "
            "time-barred. That was a pointed reference to Silvanor, the state forest administration. Speaking to "
            "a radio station after the ruling, the 58-year-old said he had \"never sold a single tree\".")
    assert speaker_of(text, "never sold a single tree") == "Stefan Ilie"


def test_what_the_third_review_found():
    ents = link_entities([ref("a", "Yuri Borisov"), ref("b", "Boris Johnson"), ref("b", "Boris", start=30),
                          ref("c", "Qing Wang"), ref("d", "Kang Wang")])
    by_doc = {(m.doc, m.name): e.id for e in ents for m in e.mentions}
    assert by_doc[("b", "Boris")] == by_doc[("b", "Boris Johnson")] != by_doc[("a", "Yuri Borisov")]
    assert by_doc[("c", "Qing Wang")] != by_doc[("d", "Kang Wang")]
    assert speaker_of("The RMT said its members would walk out. Ministers blamed European Union rules. The union "
                      "said the strike could still be called off.", "the strike could") == "RMT"
    got = {d["text"]: d["value"] for d in extract_text(
        "The terminal remained closed until 28 December after the storm.", "2031-01-05")["dates"]}
    assert got["28 December"] == "2030-12-28"
    assert {f["text"]: f["value"] for f in figures_of("Half a million people fled; half a dozen ministers quit.")} == {
        "Half a million": 500_000, "half a dozen": 6}
    ex = extract_text("The Trump administration said so. Kevin De Bruyne (KDB) scored.", "2030-01-01")
    assert {m["name"]: m["type"] for m in ex["mentions"]}.get("Kevin De Bruyne") == "PERSON"


def test_a_name_inside_the_clause_describing_the_speaker_is_not_the_speaker():
    # (in a long article the model missed the speaker's own name and typed the group as a person)
    from dossier.extract.nlp import parse
    from dossier.extract.quotes import _in_clause_of

    doc = parse("Gudrun Osk Palsdottir, who chairs the group Laxavernd (Salmon Protection), said fish had escaped.")
    subject, group = (next(t for t in doc if t.text == w) for w in ("Palsdottir", "Laxavernd"))
    assert _in_clause_of(group, subject)
    # but a name that closes the clause after a described noun is the speaker's
    text = "“Nobody warned us,” said the man who lost his boat, Jamal Uddin."
    assert [q["speaker_name"] for q in extract_text(text, "2028-08-20")["quotes"]] == ["Jamal Uddin"]


def test_md_is_mohammad_and_haji_is_an_honorific():
    ents = link_entities([ref("a", "Mohammad Selim Karim"), ref("b", "Md Selim Karim"), ref("c", "Md Anwar Karim")])
    groups = sorted(sorted(e.variants) for e in ents)
    assert groups == [["Md Anwar Karim"], ["Md Selim Karim", "Mohammad Selim Karim"]]
    text = "Haji Nurul Karim, who owns the yard, said the boat was sound."
    assert [m["name"] for m in extract_text(text, "2028-04-02")["mentions"] if m["type"] == "PERSON"] == ["Nurul Karim"]


def test_a_transcript_labels_a_voice_by_its_first_surname_or_with_an_honorific():
    text = ("This is a transcript of Radio Sur, broadcast on Monday. The host, Ana Rojas Vera, spoke with "
            "Hilario Condori Mamani, who leads the growers' union.\n\n"
            "ROJAS: Good morning. How many of you are on the road?\n\n"
            "CONDORI: About two thousand growers, with our families. Nobody is throwing stones.\n\n"
            "ROJAS: We have a listener, doña Rosa Ticona, from Ayaviri. Go ahead.\n\n"
            "DOÑA ROSA: I have sixty llamas and I sold my fibre for nothing last year.\n\n"
            "ROJAS: And the companies?\n\n"
            "CONDORI: They paid one price in three towns. That is no market.")
    said = {q["text"][:12]: q["speaker_name"] for q in extract_text(text, "2028-09-18")["quotes"]}
    assert said.get("About two th") == said.get("They paid on") and said["About two th"].endswith("Condori Mamani")
    assert "Rosa" in (said.get("I have sixty") or "")


def test_an_interview_labelled_by_initials_quotes_the_person_with_them():
    """"KV:" is the one person the text names with those initials, even when the model read only
    part of the name; the outlet's own initials ask."""
    text = ("Katrin Vold Halden, 58, has chaired the Kestrel Prize jury since 2026. We spoke to her in "
            "Tarn on Monday.\n\n"
            "HR: Did the jury read the memoir before it gave the prize?\n\n"
            "KVH: No. Nobody on the jury had read it. It was printed in a run of 300 copies.\n\n"
            "HR: Will you ask for the prize back?\n\n"
            "KVH: I will not answer that before Friday. The jury meets then.")
    said = {q["text"][:12]: q["speaker_name"] for q in quotes_of(text)}
    assert said.get("No. Nobody o") == said.get("I will not a") == "Katrin Vold Halden"
    assert "Did the jury" not in " ".join(said)


def test_dialogue_led_by_dashes_is_quoted_without_its_narration():
    """Spanish and Portuguese print speech as a paragraph opened by a dash, the narration between
    dashes ("—It is not for sale —he said—."); a post's signature ("— Name (@handle)") is none."""
    text = ("Don Tomás Kell signed the agreement first, with his thumbprint.\n\n"
            "—It is not for sale —he said in the local language—. It never was. The roof needed money.\n\n"
            "His wife, Juana Kell, added:\n\n"
            "—Now the children will come to see it.\n\n"
            "— Ana Ruiz (@anaruiz) May 3, 2029")
    quotes = {q["text"]: q["speaker_name"] for q in quotes_of(text)}
    assert quotes.get("It is not for sale", "").endswith("Tomás Kell")
    assert quotes.get("It never was. The roof needed money.", "").endswith("Tomás Kell")
    assert quotes.get("Now the children will come to see it.") == "Juana Kell"
    assert not any("said in the local language" in t or "Ana Ruiz (@" in t for t in quotes)


def test_a_day_of_the_month_in_words():
    from dossier.extract.dates import find_dates

    got = {d.text: d.value for d in find_dates("Trains will run by the first of August and the Twenty-First of "
                                               "June 2028; the first of many.", "2027-07-20")}
    assert got == {"the first of August": "2027-08-01", "the Twenty-First of June 2028": "2028-06-21"}


def test_a_company_in_apposition_to_an_owner_stays_a_company():
    """"Its owner, X," makes X a person, but not when X ends the way only companies' names do."""
    types = {m["name"]: m["type"] for m in extract_text(
        "Its owner, Harbour Holdings, said the plant would reopen. Its head, Ana Ruiz, agreed. "
        "The owner, Kestrel Group, declined to comment.", "2028-01-01")["mentions"]}
    assert types == {"Harbour Holdings": "ORG", "Ana Ruiz": "PERSON", "Kestrel Group": "ORG"}


@pytest.mark.parametrize("signed", ["May 10, 2024", "10 May 2024"])
def test_today_in_a_post_signed_day_first_or_month_first_is_the_posts_day(signed):
    text = (f"The mayor posted a message.\n\nToday we began handing out rice.\n\n"
            f"\u2014 Ana Lopes (@analopes) {signed}\n\nThe work goes on.")
    got = [(d["text"], d["value"]) for d in extract_text(text, "2024-05-14")["dates"]]
    assert ("Today", "2024-05-10") in got
