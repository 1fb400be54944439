"""The plain-text furniture remover on small scrapes written for these tests."""

from __future__ import annotations

from dossier.clean.text import clean_text

PROSE_1 = (
    "The harbour authority confirmed on Monday that the northern pier will close for repairs, "
    "a decision that local fishermen have opposed for months."
)
PROSE_2 = (
    "Engineers found cracks in three of the pier's concrete supports during an inspection in March. "
    "The authority said the work would take at least eleven weeks."
)
PROSE_3 = (
    "Fishermen's association chair Dana Whitlow said the closure would cost members their best "
    "season, and asked the council to open a temporary mooring further south."
)


def _cut(raw: str) -> list[str]:
    return [r.text for r in clean_text(raw).removed]


def test_offsets_point_into_the_raw_text():
    raw = f"Pier to close for repairs\n\n{PROSE_1}\n\nSUBSCRIBE: Get our morning newsletter\n\n{PROSE_2}\n"
    result = clean_text(raw)
    assert result.removed, "expected something to be removed"
    for r in result.removed:
        assert raw[r.start : r.end] == r.text
        assert r.reason


def test_title_is_found_and_paragraphs_keep_blank_lines():
    raw = f"Harbour News Online\n\nPier to close for repairs despite protests\n\n{PROSE_1}\n{PROSE_2}\n\n{PROSE_3}\n"
    result = clean_text(raw)
    assert result.title == "Pier to close for repairs despite protests"
    assert result.text == "\n\n".join([PROSE_1, PROSE_2, PROSE_3])
    assert "Harbour News Online" in _cut(raw)


def test_link_lines_related_headlines_and_tagged_links_go():
    raw = (
        f"Pier to close for repairs despite protests\n\n{PROSE_1}\n\n"
        "MORE FROM THE COAST: Lifeboat crew rescues kayakers off the point\n\n"
        f"{PROSE_2}\n\n"
        "Storm damage bill tops estimate (VIDEO) [WATCH]\n"
        "Council votes on parking charges [LATEST]\n\n"
        f"{PROSE_3}\n\n"
        "Related: Ferry timetable changes for the summer\n"
    )
    result = clean_text(raw)
    assert result.text == "\n\n".join([PROSE_1, PROSE_2, PROSE_3])
    assert len(result.removed) == 5  # the headline and four link lines


def test_captions_with_credits_and_short_labels_inside_the_article_go():
    raw = (
        f"Pier to close for repairs despite protests\n\n{PROSE_1}\n\n"
        "The northern pier at low tide\n\n"
        "Boats moored along the northern pier last summer (Photo: Coastal Press)\n\n"
        f"{PROSE_2}\n\n{PROSE_3}\n"
    )
    assert clean_text(raw).text == "\n\n".join([PROSE_1, PROSE_2, PROSE_3])


def test_short_sentence_between_prose_is_kept_but_among_furniture_it_goes():
    short = "Nobody was hurt."
    raw = (
        f"Pier to close for repairs despite protests\n\n{PROSE_1}\n\n{short}\n\n{PROSE_2}\n\n"
        "Post a comment\n\nComments are checked before they appear.\n\nOlder posts\n"
    )
    result = clean_text(raw)
    assert short in result.text.split("\n\n")
    assert "Comments are checked before they appear." not in result.text
    assert "Post a comment" not in result.text


def test_multi_paragraph_quote_survives_an_inserted_promo():
    raw = (
        f"Pier to close for repairs despite protests\n\n{PROSE_1}\n\n"
        "Ms Whitlow wrote: \"We were promised a plan a year ago and we have seen nothing since.\n\n"
        "Want the day's coastal news in your inbox? Sign up to our free daily briefing.\n\n"
        "\"Our members cannot wait another season.\n\n"
        "\"Give us the mooring.\"\n"
    )
    result = clean_text(raw)
    paras = result.text.split("\n\n")
    assert paras[-1] == "\"Give us the mooring.\""
    assert "\"Our members cannot wait another season." in paras
    assert not any("Sign up" in p for p in paras)


def test_stray_markup_is_cut_and_text_after_a_closing_tag_is_judged_alone():
    raw = (
        f"Pier to close for repairs despite protests\n\n<p>{PROSE_1}</p>\n\np>\n\n"
        f"< p>{PROSE_2}\n\n"
        f"{PROSE_3}< /p> Also on our site: Lighthouse reopens to visitors after restoration work\n"
    )
    result = clean_text(raw)
    assert result.text == "\n\n".join([PROSE_1, PROSE_2, PROSE_3])
    reasons = {r.reason for r in result.removed}
    assert "stray HTML markup" in reasons


def test_social_embed_goes_with_its_attribution_line():
    raw = (
        f"Pier to close for repairs despite protests\n\n{PROSE_1}\n\n"
        "The pier this morning, closed off by fences. pic.twitter.com/AbCdEf123\n"
        "— Coast Watch (@coastwatch) March 3, 2023\n\n"
        f"{PROSE_2}\n"
    )
    result = clean_text(raw)
    assert result.text == "\n\n".join([PROSE_1, PROSE_2])


def test_repeated_headline_and_speaker_label_lines():
    raw = (
        f"Pier to close for repairs despite protests\n\n{PROSE_1}\n\n"
        "Pier to close for repairs despite protests\n\n"
        "She said: \"This is the worst possible timing for us.\"\n\n"
        f"{PROSE_2}\n"
    )
    result = clean_text(raw)
    assert result.text.split("\n\n") == [PROSE_1, "She said: \"This is the worst possible timing for us.\"", PROSE_2]
    assert [r.reason for r in result.removed].count("headline repeated") == 1


def test_update_label_with_a_full_sentence_inside_the_body_is_kept():
    update = "Update: The authority later said the closure would begin a week later than planned."
    raw = f"Pier to close for repairs despite protests\n\n{PROSE_1}\n\n{update}\n\n{PROSE_2}\n"
    assert update in clean_text(raw).text


def test_title_hint_from_metadata_wins_and_its_repeat_is_removed():
    raw = f"Pier closure confirmed\n\n{PROSE_1}\n\n{PROSE_2}\n"
    result = clean_text(raw, title_hint="Pier closure confirmed")
    assert result.title == "Pier closure confirmed"
    assert result.text == "\n\n".join([PROSE_1, PROSE_2])


def test_text_without_furniture_is_left_alone():
    raw = f"{PROSE_1}\n\n{PROSE_2}\n\n{PROSE_3}"
    result = clean_text(raw)
    assert result.text == raw
    assert result.removed == ()


def test_empty_and_whitespace():
    assert clean_text("").text == ""
    assert clean_text(" \n\n \t\n").text == ""


def test_huge_single_line_is_handled():
    line = ("word " * 400_000).strip() + "."
    result = clean_text(line)
    assert len(result.text) == len(line)


def test_subheadings_inside_the_article_are_kept_but_captions_go():
    raw = (
        f"Pier to close for repairs despite protests\n\n{PROSE_1}\n\n"
        f"What the engineers found\n\n{PROSE_2}\n\n"
        "Aerial video of the pier\n\n"
        f"{PROSE_3}\n\nHarbour Master Tom Reyes\n\n{PROSE_2.replace('March', 'April')}\n"
    )
    paras = clean_text(raw).text.split("\n\n")
    assert "What the engineers found" in paras
    assert "Aerial video of the pier" not in paras
    assert "Harbour Master Tom Reyes" not in paras


def test_bare_label_and_the_links_under_it_go():
    raw = (
        f"Pier to close for repairs despite protests\n\n{PROSE_1}\n\n"
        "See also:\nLighthouse tours resume in May\nIs the ferry still running?\n\n"
        f"{PROSE_2}\n"
    )
    assert clean_text(raw).text == "\n\n".join([PROSE_1, PROSE_2])


def test_comment_section_with_a_repeated_template_goes():
    raw = (
        f"Pier to close for repairs despite protests\n\n{PROSE_1}\n\n{PROSE_2}\n\n{PROSE_3}\n\n"
        "Comments (2)\n\n"
        "harbourwatcher · 3h\nAbout time too, that pier has been falling apart for years.\nLike · Reply\n\n"
        "mo_from_the_quay · 5h\nWhere are we supposed to land the catch now?\nLike · Reply\n"
    )
    result = clean_text(raw)
    assert result.text == "\n\n".join([PROSE_1, PROSE_2, PROSE_3])
    assert any("comments" in r.reason for r in result.removed)


def test_live_blog_entries_with_repeated_timestamps_are_kept():
    entries = [PROSE_1, PROSE_2, PROSE_3]
    raw = "Pier closure: live updates\n\n" + "".join(f"10:{n}5 GMT\n{e}\nShare this entry\n\n" for n, e in enumerate(entries))
    assert clean_text(raw).text == "\n\n".join(entries)


def test_post_card_embed_goes_with_name_handle_and_time():
    raw = (
        f"Pier to close for repairs despite protests\n\n{PROSE_1}\n\n"
        "Harbour Users Group\n@harbourusers\nWe will keep fighting for the pier. Meeting on Friday at 7pm.\n"
        "9:14 PM · Mar 2, 2023\n\n"
        f"{PROSE_2}\n"
    )
    result = clean_text(raw)
    assert result.text == "\n\n".join([PROSE_1, PROSE_2])
    assert sum(r.reason == "social media embed" for r in result.removed) == 4


def test_headline_with_its_standfirst_directly_below():
    raw = (
        "Harbour News Online\n\nCOAST\n\nPier to close for eleven weeks as repairs begin\n"
        "Fishermen say the timing could not be worse for the spring season\n\n"
        f"{PROSE_1}\n\n{PROSE_2}\n"
    )
    assert clean_text(raw).title == "Pier to close for eleven weeks as repairs begin"


def test_text_after_an_end_marker_goes_and_entities_are_decoded():
    raw = (
        f"Pier to close for repairs despite protests\n\n{PROSE_1.replace('months', 'months &amp; years')}\n\n{PROSE_2}\n\n###\n\n"
        "About the Harbour Authority\nThe authority manages four piers and two marinas along the coast and employs 140 people.\n"
    )
    text = clean_text(raw).text
    assert text.endswith(PROSE_2) and "months & years" in text


def test_interview_questions_and_answers_are_body():
    answers = [
        "A: It began by accident. I came in to have a cookbook repaired and stayed for eleven years, learning the trade from the owner.",
        "A: Patience, mostly. The glue has to dry between every step, and you cannot hurry the paper however much a customer wants it.",
    ]
    raw = (f"A life in bookbinding\n\n{PROSE_1}\n\nQ: How did you start?\n{answers[0]}\n\n"
           f"Q: What does the work need?\n{answers[1]}\n")
    paras = clean_text(raw).text.split("\n\n")
    assert paras == [PROSE_1, "Q: How did you start?", answers[0], "Q: What does the work need?", answers[1]]


def test_a_list_inside_the_article_is_body_and_a_related_list_is_not():
    raw = (
        f"Pier to close for repairs despite protests\n\n{PROSE_1}\n\nThe closure affects:\n"
        "• moorings on the north side\n• the fuel pontoon\n• the weekly fish market\n\n"
        f"{PROSE_2}\n\n• Lighthouse tours resume in May\n• Ferry timetable for the summer\n\n{PROSE_3}\n"
    )
    paras = clean_text(raw).text.split("\n\n")
    assert "• the fuel pontoon" in paras
    assert "• Lighthouse tours resume in May" not in paras


def test_a_correction_note_at_the_end_is_body_but_a_teaser_run_glued_after_markup_is_not():
    note = "Correction: an earlier version of this story gave the length of the closure as eight weeks. It is eleven."
    raw = f"Pier to close for repairs despite protests\n\n{PROSE_1}\n\n{PROSE_2}\n\n{note}\n"
    assert clean_text(raw).text.endswith(note)
    glued = (f"Pier to close for repairs despite protests\n\n{PROSE_1}\n\n{PROSE_2}</p> More news: Lifeboat crew rescues "
             "two kayakers off the point. Council votes on parking charges for the seafront. Ferry timetable changes "
             "for the summer are announced by the operator.\n")
    assert clean_text(glued).text == "\n\n".join([PROSE_1, PROSE_2])


def test_pull_quote_repeating_a_paragraph_goes():
    quote = "“Our members cannot wait another season for a mooring,” she said."
    raw = (f"Pier to close for repairs despite protests\n\n{PROSE_1}\n\n{quote}\n\n"
           f"{PROSE_2} Ms Whitlow was blunt. {quote} The council has not replied.\n")
    paras = clean_text(raw).text.split("\n\n")
    assert quote not in paras and len(paras) == 2


def test_numbered_most_read_box_goes():
    raw = (f"Pier to close for repairs despite protests\n\n{PROSE_1}\n\nMost read\n1. Lifeboat crew rescues kayakers\n"
           f"2. Council votes on parking charges\n3. Can you name every harbour master since 1950?\n\n{PROSE_2}\n")
    assert clean_text(raw).text == "\n\n".join([PROSE_1, PROSE_2])


def test_link_lines_labelled_with_a_dash_an_arrow_or_brackets_go_but_a_dashed_subheading_stays():
    raw = (f"Pier to close for repairs\n\n{PROSE_1}\n\nSee also — Ferry timetable changes for the island route\n\n"
           f"{PROSE_2}\n\n[Watch] Divers inspect the cracked supports under the pier\n\n"
           f"Repairs — what happens next\n\n{PROSE_3}\n\n"
           f"ALSO ON THE HARBOUR GAZETTE → Lifeboat crew rescues two kayakers off the point\n")
    text = clean_text(raw).text
    assert "Ferry timetable" not in text and "Divers inspect" not in text and "Lifeboat crew" not in text
    assert "Repairs — what happens next" in text and PROSE_3 in text


def test_a_list_of_arrowed_headlines_goes_even_where_one_headline_is_made_of_sentences():
    raw = (f"Pier to close for repairs\n\n{PROSE_1}\n\n{PROSE_2}\n\n{PROSE_3}\n\nYou may also like\n"
           "→ Council approves new parking charges for the seafront\n"
           "→ Our town goes to sleep at 11 p.m. Its bakers don't. Bring back the night bus.\n"
           "→ Lifeboat crew rescues two kayakers off the point\n"
           "→ Harbour cafe wins regional award for its fish soup\n")
    text = clean_text(raw).text
    assert text == "\n\n".join([PROSE_1, PROSE_2, PROSE_3])


def test_a_dateline_paragraph_an_acronym_heading_and_a_headline_with_a_decimal_stay():
    raw = (f"Pause at 5.25 halts the pier works\n\nNEW YORK — {PROSE_1}\n\n{PROSE_2}\n\n"
           f"NHS — what the closure means for patients\n\n{PROSE_3}\n")
    result = clean_text(raw)
    assert result.title == "Pause at 5.25 halts the pier works"
    assert "NEW YORK — " + PROSE_1 in result.text and "NHS — what the closure means for patients" in result.text
