"""Assessments, the derived question, comparisons and flags on small invented corpora."""

from __future__ import annotations

import pytest

from dossier.corpus.analysis import analyse
from dossier.extract.document import extract_text
from dossier.model import Document, Provenance

QUESTION = "Will Norland send troops to the border?"


def stance_of(sentence: str) -> str | None:
    got = extract_text(sentence, "2024-05-14")["judgements"]
    return got[0]["stance"] if got else None


@pytest.mark.parametrize("sentence, stance", [
    ("The chance of Norland sending troops before spring remains slim, the institute wrote.", "unlikely"),
    ("“Judging by how things unfold, the probability is high,” Petrov said.", "likely"),
    ("Norland will likely avoid sending troops to the border, the analyst said.", "unlikely"),
    ("“I cannot promise they will hold out for ever,” she said.", "possible"),
    ("Norland may send troops to the border next month, officials said.", "possible"),
    ("“I doubt it very much,” Lund said.", "unlikely"),
    ("Norland is not likely to send troops, the report concluded.", "unlikely"),
    ("The drills have raised fears that Norland is about to send troops to the border.", "possible"),
    ("Analysts said a country that size would struggle to keep troops at the border.", "unlikely"),
    ("The vote on the deployment was too close to call, the analyst said.", "possible"),
    ("He does not believe that Norland will send its troops to the border.", "unlikely"),
    ("The minister said Norland was not going to send troops to the border.", "unlikely"),
    ("Markets now price a 70% chance that Norland sends troops to the border.", "likely"),
    ("The institute puts the probability of a deployment at about 20 per cent.", "unlikely"),
    ("“I would call it fifty-fifty,” the analyst said of a deployment.", "possible"),
    ("She said there was a two-in-three chance of troops reaching the border.", "likely"),
    ("“I would put the chance of a deployment at no better than one in four,” he said.", "unlikely"),
    ("Bookmakers make Norland 9/2 outsiders to win the vote.", "unlikely"),
    ("“I don’t think Norland ever sends its troops to the border,” Lund said.", "unlikely"),
    ("“I don’t see room for a deployment this year,” Lund said.", "unlikely"),
    ("“I see no reason why the troops should not be sent,” Lund said.", "likely"),
    ("“I’d be surprised if Norland sent troops to the border,” Lund said.", "unlikely"),
    ("Norland looks set to send troops to the border next week.", "likely"),
    ("“We have the votes,” the defence minister said of the deployment motion.", "likely"),
    ("She expected the council to approve the deployment rather than reject it.", "likely"),
    ("“I genuinely believe we can win this vote,” the Norland minister said.", "possible"),
    ("Bookmakers say Norland remain firm favourites to win the vote.", "likely"),
    ("“They are still very much the outsiders,” the analyst said.", "unlikely"),
    ("“We are not going to send anyone to the border,” the defence minister said.", None),
])
def test_stance_and_its_reason(sentence, stance):
    assert stance_of(sentence) == stance


@pytest.mark.parametrize("sentence, stance", [
    # idioms: no single cue word, the phrase judges
    ("“Frankly, a deployment this year is a long shot,” Lund said.", "unlikely"),
    ("“The vote is on a knife edge,” the analyst said.", "possible"),
    ("The deployment plan remains on track, the ministry said.", "likely"),
    ("“It is far from a done deal,” she said of the deployment.", "possible"),
    ("“Getting troops to the border by June is pure fantasy,” Lund said.", "unlikely"),
    ("“I’m not holding my breath for a deployment,” Lund said.", "unlikely"),
    ("“If I were betting, my money would be on a delay,” Lund said.", "unlikely"),  # "if" frames the view
    ("“The odds are stacked against a deployment,” Lund said.", "unlikely"),
    ("Whether the troops move at all is anyone’s guess, officials said.", "possible"),
    # numbers in other words
    ("“I’d say seven chances in ten that the troops go,” Lund said.", "likely"),
    ("“Ask me today and I say three to one against,” Lund said.", "unlikely"),
    ("“Call it 55-45 that they go,” Lund said.", "likely"),
    ("“I’d make it 30% at best,” Lund said of a deployment.", "unlikely"),
    ("Markets see even odds of a deployment, traders said.", "possible"),
    ("“We carry a 20 percent deployment risk in our numbers,” Lund said.", "unlikely"),
    ("The model puts the probability of a deployment before June at 0.42, its makers said.", "possible"),
    ("The model gives a deployment a 0.7 chance, its makers said.", "likely"),
    ("“Do the maths and I'd say the chances of a deployment are a fair bit better than half,” Lund said.", "likely"),
    ("“Whether the troops go? I'd say it's as likely as not,” Lund said.", "possible"),
    ("“A deployment is genuinely in the balance now,” Lund said.", "possible"),
    ("“I still back them to send the troops,” Lund said.", "likely"),
    ("“It's 50-50 the troops go,” Lund said.", "possible"),
    ("Better than half, I'd say, that the troops go, Lund said.", "likely"),
    # belief over a plain present, and its denial
    ("“I reckon the council throws the motion out,” Lund said.", "unlikely"),
    ("“My sense is the motion goes through,” Lund said.", "likely"),
    ("“I think the troops stay where they are,” Lund said.", "likely"),
    ("Nobody in the ministry believes June, an official said.", "unlikely"),
    ("“I don’t doubt they will go,” Lund said.", "likely"),
    ("“I have no doubt the troops will cross,” Lund said.", "likely"),
    ("“I won’t pretend a deployment is impossible,” Lund said.", "possible"),
    ("“I honestly couldn’t tell you whether the motion passes,” Lund said.", "possible"),
    ("“I honestly couldn’t call it,” Lund said of the vote.", "possible"),
    ("“I’d be astonished if the motion isn’t carried,” Lund said.", "likely"),
    ("“I’d be surprised if the motion fails,” Lund said.", "likely"),
    ("“I still lean towards a deployment,” Lund said.", "likely"),
    ("“I would not bet on the troops moving,” Lund said.", "unlikely"),
    ("There is growing confidence that the troops will be sent, diplomats said.", "likely"),
    ("Analysts raised questions over whether the ministry can keep its promise.", "possible"),
    ("“There’s a decent chance the troops go,” Lund said.", "possible"),
    ("Sending troops in winter would be unusual, Lund said.", "unlikely"),
    ("Success is not guaranteed, the minister admitted.", "possible"),
    ("“They’ll throw the motion out, no question,” Lund said.", "unlikely"),
    ("Officials said they were not certain the troops would go.", "possible"),
    # more forecasting constructions: a present with a time ahead, ignorance, comfort, odds as counts
    ("“The convoy crosses the border this weekend,” Lund said.", "likely"),  # a present with a time ahead
    ("“Today I’d say I don’t know,” Lund said of a deployment.", "possible"),
    ("“I am comfortable that the support is there,” the minister said of the motion.", "likely"),
    ("“History is not on Norland’s side,” Lund said of a deployment.", "unlikely"),
    ("“I’ll believe it when I see it,” Lund said of the deployment.", "unlikely"),
    ("“I’d be lying if I said I expected a deployment this month,” Lund said.", "unlikely"),
    ("“A deployment is not off the table,” the minister said.", "possible"),
    ("The vote count put the deployment motion within striking distance, analysts said.", "possible"),
    # common forecasting English the held-out writers avoided
    ("The motion is poised to pass next week, analysts said.", "likely"),
    ("It is only a matter of time before the troops move, Lund said.", "likely"),
    ("“It is hard to see how the motion passes,” Lund said.", "unlikely"),
    ("“It would be a surprise if the troops moved,” Lund said.", "unlikely"),
    ("Whether the troops move remains to be seen, officials said.", "possible"),
    ("The deployment is now in doubt, officials said.", "possible"),
    ("“There is no guarantee the troops will go,” Lund said.", "possible"),
    ("Lund said he was optimistic that the motion would pass.", "likely"),
    ("Lund said he was not optimistic that the motion would pass.", "unlikely"),
    ("She was sceptical that the troops would move.", "unlikely"),
    ("In the latest run, 34 of 51 models send the troops over the border.", "likely"),
    ("He has cut his probability of a deployment to somewhere between 45 and 50%.", "possible"),
    ("“I think the dockers take the offer,” she said.", "likely"),  # a decision in the plain present
    ("I reckon the tribunal upholds the ban.", "likely"),
    ("I'd give it nine in ten for February.", "likely"),
    ("I'd still call it a 30-per-cent thing before January.", "unlikely"),
    ("The bureau has cut its outlook for a crossing before the month is out to about one in six.", "unlikely"),
    ("Halden puts the probability of a deployment before 31 December at 17 per cent.", "unlikely"),
    ("Halden Risk has raised its probability of a deployment to 60%.", "likely"),  # "Risk" is a name's word
    ("The firm puts the chance of a deployment at 35 per cent.", "possible"),
    ("With a thaw on the way, there will be no crossing to the island this winter.", "unlikely"),
    ("Markets on Friday implied a 60 percent probability of a cut in July.", "likely"),  # July dates the cut
    ("It's a photo finish now, and I wouldn't call it from the grandstand.", "possible"),
    ("A merger is not on the cards this year, she said.", "unlikely"),
    ("The incumbent is a shoo-in for re-election, pollsters say.", "likely"),
    ("The bill is dead in the water after the vote on Tuesday.", "unlikely"),
    ("The panel's median for a deployment before Jan. 1 is now 0.38.", "possible"),  # a decimal share of one
    ("The firm's deployment tracker has dropped to 0.22.", "unlikely"),
    ("There is likely to be no agreement this year.", "unlikely"),  # the "no" one clause down
    ("It is likely that no deal will be signed before June.", "unlikely"),
    ("There will be no shortage of bidders for the contract, analysts said.", "likely"),  # "no" turned into a yes
    ("There is likely to be no let-up in the fighting.", "likely"),
    ("No fewer than ten firms are likely to bid for the contract.", "likely"),
    ("No. 10 is likely to approve the deal on Friday.", "likely"),  # Downing Street
    ("“I would call it odds against now,” said Grace Kell.", "unlikely"),
    ("“The bridge is odds-on to reopen in May,” said Grace Kell.", "likely"),
    ("“I would put my pension on an April opening of the bridge,” said Mojca Kell.", "likely"),
    ("“I wouldn't put my house on Harrowby now,” said Mojca Kell.", "possible"),  # not sure, not a doubt
    ("“Honestly? Half and half,” said Sara Kell.", "possible"),
])
def test_phrases_numbers_and_beliefs(sentence, stance):
    assert stance_of(sentence) == stance


@pytest.mark.parametrize("sentence", [
    "A decision on the deployment is expected on Friday, officials said.",  # a timetable
    "He put his money on the market last year and the odds against a deal lengthened.",  # no bookmaker's idiom
    "The ministry expects to announce its decision by the end of November.",
    "The report is likely to come before parliament rises, officials said.",
    "Economists had expected 3.4 per cent, but inflation stood at 3.7 per cent.",  # overtaken by events
    "Ivar Lund, who last week predicted the troops would go, declined to comment.",  # a past view, restated
    "The company remained confident in the design of its study.",  # trust, not a forecast
    "Predicted high water that morning is 1.9 metres.",  # a label on a figure
    "“Whatever happens next week, the ministry will pay for the damage,” she said.",
    "Lund told reporters on Monday that he will vote for the motion.",  # an intention
    "“We want the troops home as quickly as possible,” she said.",
    "“I got the regiment as far as I could,” the colonel said.",
    "The party could no longer defend the minister, he said.",  # ability now
    "The rate has been at 4.5 percent since November.",  # a figure, not a probability
    "“My money’s tied up in the house,” he said.",  # "money", not a wager
    "Will the troops cross the border before spring?",  # a question asks
    "Support for every household starts on Monday.",  # a routine timetable
    "The opposition demanded that the minister appear before parliament next Tuesday.",  # a demand
    "The minister’s approval rating has fallen to 19 percent, down from 52 percent in January.",
    "Norland says its army will hold its first exercise in May.",  # a plan told by its maker
    "“We are realistic,” the minister said.",  # an attitude
    "The forecast is well below the most optimistic broker estimates.",  # a label on a noun
    # counts, figures and tallies that look like odds
    "Only 12 of the 40 members attended the meeting.",
    "The central bank puts it at 3.2 per cent for the year.",
    "The council voted seven to two against the plan.",
    "A 70/30 split of the proceeds was agreed.",
    "The money is on its way, the ministry said.",
    "Some 20 percent of tenants risk losing their homes, the charity said.",
    "Half the troops went home in May, and better than half of the tanks stayed.",
    "“We back plans to cut taxes,” Lund said.",
    "What is in the balance sheet worries the ministry, Lund said.",
    # a real condition, ignorance, an opinion, a question
    "If the ministry asks for troops, the army will send them.",
    "The ministry did not say how many troops were sent.",
    "“We don't know the cause of the fire yet,” she said.",
    "“I think the law protects workers,” Lund said.",
    "Is there really a 30% chance of a deployment?",
    # when a number or a debate comes, not whether the answer is yes
    "The official tally is expected in the first week of March.",
    "The parliament of Norland is expected to take up the treaty in July.",
    "The upper house is expected to vote on the bill next week.",
    "The result of the ballot is expected on Friday afternoon.",
])
def test_more_sentences_that_judge_no_likelihood(sentence):
    assert stance_of(sentence) is None


def test_anyone_who_thinks_it_a_formality_is_rebutted():
    assert stance_of("“Anyone who thinks this vote is a formality hasn’t been watching,” Lund said.") == "possible"


def test_a_judgement_about_it_takes_its_subject_from_the_sentences_before():
    docs, ex = corpus(("Ivar Lund, an analyst, was asked about Norland sending troops to the border.\n\n"
                       "“I think it’ll go through,” Lund said.", "2024-05-14", None))
    result = analyse(docs, ex, QUESTION)
    assert [a["stance"] for a in result.assessments] == ["likely"]
    assert result.assessments[0]["holder_name"].endswith("Lund") and result.assessments[0]["holder"] is not None
    docs, ex = corpus(("The harbour reopened on Monday.\n\n“I think it’ll go through,” Lund said.", "2024-05-14", None))
    assert analyse(docs, ex, QUESTION).assessments == []  # "it" is not the question's


@pytest.mark.parametrize("said, stance", [("“Call it a toss-up,” Lund said.", "possible"),
                                          ("“It's genuinely in the balance now,” Lund said.", "possible")])
def test_a_fixed_phrase_about_it_takes_its_subject_from_the_sentences_before(said, stance):
    docs, ex = corpus((f"Ivar Lund, an analyst, was asked about the troops.\n\n{said}",
                       "2024-05-14", None))
    assert [a["stance"] for a in analyse(docs, ex, QUESTION).assessments] == [stance]
    docs, ex = corpus((f"The harbour reopened on Monday.\n\n{said}", "2024-05-14", None))
    assert analyse(docs, ex, QUESTION).assessments == []


def test_the_storys_own_words_for_its_question():
    from dossier.corpus.assessments import topic_words
    texts = ["The {0} deal between Norland and the union was signed. The deal covers troops at the border. "
             "Critics of the deal said it was rushed.".format(w) for w in ("first", "second", "third")]
    docs = [Document(id=f"d{n}", source=f"d{n}", status="ok", text=t) for n, t in enumerate(texts)]
    words = topic_words(docs, "Will Norland send troops to the border under the pact?")
    assert "deal" in words and "troops" not in words  # the question's own words are left out
    assert topic_words(docs[:1], "Will Norland send troops to the border under the pact?") == set()  # one source


def test_a_warning_of_what_happens_if_is_not_a_stance():
    assert stance_of("If Norland's troops cross the border, the alliance could respond within hours.") is None


@pytest.mark.parametrize("sentence", [
    "By sending troops to the border, Norland will lose its trade deal with the union.",  # a consequence
    "“I’m sure he would send the troops if the army were ready,” she said.",  # counterfactual
    "The claims could not be independently verified.",  # the reporter's practice
    "For the harbour towns, the timing could hardly be worse.",  # an evaluation
    "Rebuilding the bridges could take ten years, the ministry said.",  # how long, not whether
    "Norland would certainly like a deal with its neighbours.",  # a wish
    "“There is room for a deal, and I hope the council will take it,” she said.",  # a wish too
    "The exercise lasted far longer than anticipated.",  # a comparison
    "The deal is three percent above expected inflation.",  # "expected" describes a noun
    "“We will send observers to the border next week,” the minister said.",  # a pledge
    "The country risk index rose by four points.",  # "risk" names an index
    "He said the army never wanted to put anyone at risk.",
    "She described the ministry as in talks with potential partners.",  # a label
    "I think the council always approves the budget.",  # a habit
    "I think she takes the job seriously.",  # "take" decides nothing here
    "The outlook for one in four households is grim.",
    # a view as it stood a month or more before publication (2024-05-14)
    "Back in March, the fund put the odds of a cut at 40 per cent.",
    "Mari, your people gave us three chances in ten in January.",
])
def test_sentences_that_judge_no_likelihood(sentence):
    assert stance_of(sentence) is None


def corpus(*texts: tuple[str, str, str | None], groups: dict[int, str] | None = None):
    docs, extractions = [], {}
    for n, (text, published, title) in enumerate(texts):
        group = (groups or {}).get(n)
        doc = Document(id=f"d{n}", source=f"d{n}", status="ok", text=text, published=published, title=title,
                       outlet=f"Outlet {n}", provenance=Provenance(group=group))
        docs.append(doc)
        extractions[doc.id] = extract_text(text, published)
    return docs, extractions


def test_assessments_keep_what_bears_on_the_question_with_holders():
    docs, ex = corpus(
        ("“Norland will not send its troops to the border this year,” said Ivar Lund, an analyst at the "
         "Baltic Policy Centre.\n\nThe harbour may reopen next week.", "2024-05-14", None),
    )
    result = analyse(docs, ex, QUESTION)
    assert [(a["stance"], a["holder_name"]) for a in result.assessments] == [("unlikely", "Ivar Lund")]
    assert result.assessments[0]["holder"] is not None  # resolved to the entity
    assert result.balance["total"] == {"unlikely": 1}


@pytest.mark.parametrize("question, stance", [
    ("Will Norland send troops to the border?", "unlikely"),  # keeping them home is not sending them
    ("Will Norland keep its troops at home?", "likely"),  # the question asks about the status quo itself
])
def test_a_forecast_of_the_status_quo_is_read_against_the_question(question, stance):
    docs, ex = corpus(("Ivar Lund, an analyst, said he expected Norland to keep its troops at home "
                       "rather than send them to the border.", "2024-05-14", None))
    result = analyse(docs, ex, question)
    assert [a["stance"] for a in result.assessments] == [stance]


def test_contests_odds_and_who_puts_them():
    question = "Will Norland beat Kessa in the cup final?"
    docs, ex = corpus(("Kessa remain firm favourites, the bookmakers said.\n\n"
                       "Hallam Bet make Norland 9/2 outsiders to lift the trophy.\n\n"
                       "A data firm gives Norland a 23 per cent chance of lifting the cup.", "2024-05-14", None))
    got = [(a["stance"], a["holder_name"], a["how"][-1]) for a in analyse(docs, ex, question).assessments]
    assert got[0][0] == "unlikely" and "other side" in got[0][2]  # Kessa's favour is Norland's doubt
    assert got[1][:2] == ("unlikely", "Hallam Bet")  # 9/2 against: 2 in 11
    assert got[2][0] == "unlikely" and "23 per cent" in got[2][2]  # the subject alone makes it relevant
    assert len(got) == 3


def test_a_sides_own_forecast_counts_when_a_text_puts_its_speaker_on_that_side():
    question = "Will Dunmore Rovers avoid relegation this season?"
    docs, ex = corpus(
        ("Dunmore Rovers manager Ana Ruiz spent the week on the training pitch. Relegation looms over the club.",
         "2024-05-10", None),
        ("The relegation fight goes to the last day of the season. “We are going to stay up,” said the head "
         "coach, Ana Ruiz. “We will appeal the fine,” she added.\n\nKestrel's coach, Tomas Berg, spoke about "
         "relegation this season. “We will stay up,” Berg said.", "2024-05-14", None),
    )
    got = [(a["stance"], a["holder_name"], a["text"]) for a in analyse(docs, ex, question).assessments]
    # Ruiz speaks for the side asked about (the first document says so); Berg for another; an appeal is a plan
    assert got == [("likely", "Ana Ruiz", "“We are going to stay up,” said the head coach, Ana Ruiz.")]


@pytest.mark.parametrize("text, side", [
    ("Up on the hill, Kestrel's coach, Tomas Berg, sounded calm.", "Kestrel"),
    ("On Tuesday Harbour Athletic captain Tomas Berg said little.", "Harbour Athletic"),
    ("Tomas Berg, the president of Harbour Athletic, said little.", "Harbour Athletic"),
    ("Tomas Berg, Datafold's head of modelling, said little.", "Datafold"),
    ("On Tuesday Tomas Berg said little.", None),
    ("The former coach, Tomas Berg, said little.", None),
])
def test_the_side_a_text_puts_a_person_on(text, side):
    from dossier.corpus.affiliation import sides

    docs, ex = corpus((text, "2024-05-14", None))
    berg = next(m["name"] for m in ex["d0"]["mentions"] if m["name"].endswith("Berg"))
    got = sides(docs, ex, {("d0", berg): "e1"})
    assert got.get("e1", set()) == ({side} if side else set())


def test_a_forecast_about_another_thing_of_the_kind_asked_about_is_not_about_the_question():
    question = "Will the Harbour ice road open to cars before March?"
    docs, ex = corpus(("The ice road to Kesk, across a shorter stretch of water, is likely to open to cars next week. "
                       "The Harbour road is likely to open to cars in February.", "2024-01-14", None))
    got = [a["text"] for a in analyse(docs, ex, question).assessments]
    assert got == ["The Harbour road is likely to open to cars in February."]


def test_a_we_forecast_from_a_speaker_no_text_places_counts_for_nothing():
    docs, ex = corpus(("Relegation looms over the club this season. “We are going to stay up,” said Ana Ruiz, "
                       "who has followed the club for decades.", "2024-05-14", None))
    assert analyse(docs, ex, "Will Dunmore Rovers avoid relegation this season?").assessments == []


def test_question_derived_from_a_question_headline():
    docs, ex = corpus(("Talks stalled again on Monday, officials said.", "2024-05-14",
                       "Will Norland send troops to the border?"))
    result = analyse(docs, ex, None)
    assert result.question == "Will Norland send troops to the border?"
    assert "headline" in result.question_derived


def test_comparisons_count_independent_sources_and_see_differences():
    a = "Officials said 1,200 homes were destroyed by the fire in Kessa province. The mayor is 67."
    b = "The fire in Kessa province destroyed 1,200 homes, officials said."
    c = "In Kessa province, 1,900 homes were destroyed by the fire, the governor said."
    docs, ex = corpus((a, "2024-05-14", None), (b, "2024-05-15", None), (b, "2024-05-15", None), (c, "2024-05-16", None),
                      groups={1: "g1", 2: "g1"})
    result = analyse(docs, ex, None)
    homes = [c for c in result.comparisons if c["unit"] == "home"]
    assert len(homes) == 1
    comp = homes[0]
    assert comp["verdict"] == "differ" and comp["documents"] == 4
    assert comp["independent_sources"] == 3  # two of the four documents are copies of one original
    # the odd figure out is flagged, with the majority it departs from
    assert any(f["text"] == "1,900" and "1,200" in f["why"] for f in result.flags)


def test_a_figure_and_its_conversion_in_another_unit_agree():
    docs, ex = corpus(("The refuge hut stands at 4,380 metres, the highest in the range.", "2024-05-14", None),
                      ("Climbers reach the hut, at 14,370 feet, in two days.", "2024-05-15", None),
                      ("A crop of 540,000 tonnes is forecast.", "2024-05-15", None),
                      ("Exporters see 540,000t this year, against 540,000 last year.", "2024-05-16", None))
    by_values = {tuple(c["values"]): c["verdict"] for c in analyse(docs, ex, None).comparisons}
    assert by_values[(4380.0, 14370.0)] == "agree"  # 14,370 ft is 4,380 m
    assert by_values.get((540000.0,), "agree") == "agree"  # a bare 540,000 beside tonnes is no conversion


def test_ages_a_year_apart_agree():
    docs, ex = corpus(("The 67-year-old governor Ana Kessler resigned.", "2023-03-02", None),
                      ("The 68-year-old governor Ana Kessler returned.", "2023-10-20", None))
    ages = [c for c in analyse(docs, ex, None).comparisons if c["unit"] == "years"]
    assert ages and ages[0]["verdict"] == "agree"


def test_weekday_that_does_not_fit_its_date_is_flagged():
    docs, ex = corpus(("The summit opened on Wednesday, March 4, in Kessa, officials said.", "2021-03-10", None))
    flags = analyse(docs, ex, None).flags
    assert any(f["text"].startswith("Wednesday, March 4") and "Thursday" in f["why"] for f in flags)


def test_a_weekday_set_for_a_coming_date_is_checked_in_the_coming_year():
    # April 22 is two weeks after the article: "is set for" puts it ahead, in 2027, a Thursday
    docs, ex = corpus(("The vote is set for Wednesday, April 22, in Kessa.", "2027-04-08", None))
    flags = analyse(docs, ex, None).flags
    assert any(f["text"].startswith("Wednesday, April 22") and "Thursday" in f["why"] for f in flags)


@pytest.mark.parametrize("first, second", [
    ("Joanna Kessler, the council's 44-year-old chair, said the vote would be close.",  # age in a description
     "Joanna Kessler, 47, said on Friday that the vote would be close."),
    ("Chief executive Joanna Kessler, 52, said the trial would read out in March.",
     "Chief executive Joanna Kessler (55), who founded the company in 2014, expects a readout soon."),  # the year is not the age's
])
def test_one_persons_ages_in_other_words_are_flagged(first, second):
    flags = analyse(*corpus((first, "2027-04-26", None), (second, "2027-05-12", None)), None).flags
    assert {f["doc"] for f in flags if "age of" in f["why"]} == {"d0", "d1"}


def test_an_age_the_same_articles_birth_year_contradicts_is_flagged():
    text = ("Tomas Varga, a dealer who was born in 1958, said the sale would be close.\n\n"
            "“Fourteen bidders is not nothing,” the {age}-year-old dealer said.")
    flags = analyse(*corpus((text.format(age=66), "2027-10-20", None)), None).flags
    assert any(f["text"] == "66-year-old" and "1958" in f["why"] for f in flags)
    flags = analyse(*corpus((text.format(age=69), "2027-10-20", None)), None).flags
    assert not any("1958" in f["why"] for f in flags)


def test_ages_of_one_named_person_in_other_articles_are_compared_by_the_whole_name():
    flags = analyse(*corpus(("Much rests on 19-year-old leg-spinner Tomas Varga, the selectors said.", "2027-10-06", None),
                            ("Much rests on the 22-year-old leg-spinner Tomas Varga, the selectors said.", "2027-10-15",
                             None)), None).flags
    assert {f["doc"] for f in flags if "age of Tomas Varga" in f["why"]} == {"d0", "d1"}


def test_units_alone_are_no_measure():
    from dossier.corpus.compare import _words
    assert not _words("metres per")  # "15 metres per second" of what? nothing to compare by
    assert _words("wind speed limit metres per") == {"wind", "speed", "limit"}


def test_a_figure_only_copies_report_is_one_source():
    text = "Rescuers said 45 villages were evacuated in Kessa province on Monday."
    docs, ex = corpus((text, "2024-05-14", None), (text, "2024-05-14", None), groups={0: "g", 1: "g"})
    result = analyse(docs, ex, None)
    comp = next(c for c in result.comparisons if c["unit"] == "village")
    assert comp["verdict"] == "agree" and comp["independent_sources"] == 1
    assert any("one source" in f["why"] for f in result.flags)


def test_a_telling_value_joins_figures_worded_differently():
    docs, ex = corpus(("The union, which represents about 6,830 of the company's staff, called the strike.", "2024-05-14", None),
                      ("Its roughly 6,830 members voted to walk out on Monday.", "2024-05-15", None),
                      ("Three ferries were cancelled on Monday.", "2024-05-15", None),
                      ("Three reporters were at the gate in 2024.", "2024-05-16", None))
    comps = analyse(docs, ex, None).comparisons
    assert [(c["values"], c["verdict"], c["documents"]) for c in comps] == [([6830.0], "agree", 2)]


def test_a_fraction_is_telling_however_small():
    docs, ex = corpus(("Inflation stood at 3.7 per cent in May, the statistics office said.", "2024-06-14", None),
                      ("Prices rose 3.7% from a year earlier, according to the office.", "2024-06-15", None))
    comps = analyse(docs, ex, None).comparisons
    assert [(c["values"], c["verdict"]) for c in comps] == [([3.7], "agree")]


def test_one_event_dated_to_different_years_is_flagged_but_a_slipped_plan_is_not():
    past = corpus(("The new bridge over the Varna river in Kessa was completed in 2019, the ministry said.", "2024-05-14", None),
                  ("The new bridge over the Varna river in Kessa was completed in 2017, the ministry said.", "2024-05-20", None))
    assert any("another report of the same event" in f["why"] for f in analyse(*past, None).flags)
    plan = corpus(("The ministry said the new bridge over the Varna river in Kessa would open in 2025.", "2024-05-14", None),
                  ("The ministry said the new bridge over the Varna river in Kessa would open in 2026.", "2024-05-20", None))
    assert not any("same event" in f["why"] for f in analyse(*plan, None).flags)


def test_one_remark_quoted_in_different_words_is_flagged_in_both():
    a = "“Voters had a real choice, but they did not always have a fair one,” said Ingrid Sole, an observer."
    b = "Ingrid Sole, an observer, said voters had had “a real choice, but not always a fair one.”"
    c = "“Voters had a real choice,” said Ingrid Sole, an observer."  # a stretch of the first: not flagged
    docs, ex = corpus((a, "2024-03-05", None), (b, "2024-03-09", None), (c, "2024-03-10", None))
    flagged = {f["doc"] for f in analyse(docs, ex, None).flags if "other words" in f["why"]}
    assert flagged == {"d0", "d1"}
    copies = corpus((a, "2024-03-05", None), (b, "2024-03-09", None), groups={0: "g", 1: "g"})
    assert not any("other words" in f["why"] for f in analyse(*copies, None).flags)


def test_ages_of_unnamed_people_are_not_compared_but_a_speakers_age_is():
    victims = corpus(("A 78-year-old man died in the fire in Kessa.", "2025-08-04", None),
                     ("An 83-year-old man died when the fire reached Kessa.", "2025-08-06", None))
    assert not analyse(*victims, None).flags
    speaker = corpus(("Joanna Kessler, 58, a member of the council, said a cut would come too soon.", "2026-06-26", None),
                     ("Joanna Kessler spoke on public radio on Saturday. “A cut is a realistic option now. I have not "
                       "decided how I will vote,” the 61-year-old economist said.", "2026-07-06", None))
    flags = analyse(*speaker, None).flags
    assert {f["doc"] for f in flags if "age of" in f["why"]} == {"d0", "d1"}


def test_one_count_in_two_words_is_one_figure_but_a_distance_is_not_a_headcount():
    docs, ex = corpus(("The mine would create 350 permanent jobs and discharge 1,900 metric tons of sulfate a year.",
                       "2026-09-14", None),
                      ("It would employ about 350 people and release up to 1,900 tonnes of sulphate annually.",
                       "2026-09-17", None),
                      ("The ore would travel 350 km by rail to the smelter.", "2026-09-18", None))
    comps = analyse(docs, ex, None).comparisons
    assert sorted((c["values"], c["documents"]) for c in comps) == [([350.0], 2), ([1900.0], 2)]


def test_the_same_thing_counted_twice_is_shown_side_by_side_not_as_a_contradiction():
    docs, ex = corpus(("The opposition said on Tuesday it had collected at least 81 signatures.", "2025-06-03", None),
                      ("“We have 94 signatures on the motion,” the opposition leader said.", "2025-06-09", None),
                      ("The army has about 7,000 soldiers ready for combat.", "2025-06-10", None),
                      ("The ministry says 37,570 soldiers have been killed.", "2025-06-11", None))
    result = analyse(docs, ex, None)
    (comp,) = result.comparisons
    assert comp["values"] == [81.0, 94.0] and comp["verdict"] == "differ" and comp["differing_measures"]
    assert not result.flags  # a count revised, or two look-alikes: nothing to call a contradiction


def test_the_event_wording_join_finds_what_comparing_every_pair_finds():
    """The prefix-filtered join behind the year flags against the plain all-pairs loop."""
    import random

    from dossier.corpus.compare import _overlapping

    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(40)]
    for _ in range(100):
        items = [(frozenset(rng.sample(vocab, rng.randint(4, 9))), []) for _ in range(rng.randint(1, 25))]
        items += [(frozenset(sorted(w)[:-1] + [rng.choice(vocab)]), []) for w, _ in items[:5]]
        brute = [(n, m) for n in range(len(items)) for m in range(n + 1)
                 if len(items[n][0] & items[m][0]) >= 0.7 * min(len(items[n][0]), len(items[m][0]))]
        assert _overlapping(items, 0.7) == brute


def test_claims_of_a_common_value_join_as_comparing_every_pair_would():
    """The indexed join for values like "2" or "10" against the plain all-pairs loop."""
    import random

    from dossier.corpus.compare import SMALL_BUCKET, _join_same_facts, _same_fact

    rng = random.Random(3)
    words = ["soldiers", "troops", "battalions", "border", "killed", "wounded", "sent", "villages"]
    claims = [{"value": 3.0, "doc": f"d{rng.randrange(6)}", "unit": rng.choice(["", "", "battalion", "km"]),
               "measure": " ".join(rng.sample(words, rng.randint(0, 3))),
               "about": rng.choice([None, None, None, "Anna Berg", "Jon Kell"])} for _ in range(3 * SMALL_BUCKET)]
    # plain claims of one document, joined only through "about" claims of others
    claims += [{"value": 3.0, "doc": "x0", "unit": "regiment", "measure": "regiments sent", "about": None}] * 3
    claims += [{"value": 3.0, "doc": d, "unit": "regiment", "measure": "regiments sent", "about": "Jon Kell"}
               for d in ("x1", "x2")]

    def groups(join) -> set[frozenset[int]]:
        parent = list(range(len(claims)))

        def find(i: int) -> int:
            while parent[i] != i:
                i = parent[i]
            return i

        join(list(range(len(claims))), lambda i, j: parent.__setitem__(find(i), find(j)))
        out: dict[int, set[int]] = {}
        for i in range(len(claims)):
            out.setdefault(find(i), set()).add(i)
        return {frozenset(g) for g in out.values()}

    def every_pair(idx, union):
        for n, i in enumerate(idx):
            for j in idx[:n]:
                if claims[i]["doc"] != claims[j]["doc"] and _same_fact(claims[i], claims[j]):
                    union(i, j)

    assert groups(lambda idx, union: _join_same_facts(idx, claims, union)) == groups(every_pair)
    assert len(groups(every_pair)) < len(claims)  # the data does join something


@pytest.mark.parametrize("text", [
    "Sara Lind founded Green Dawn, a party born out of the 2019 climate strikes. The 41-year-old Sara Lind said so.",
    "Ruth Kemp, whose mother was born in 1931, said the plan was fair. The 50-year-old Ruth Kemp voted yes.",
    "Peter Novak was born in Leeds but moved to London in 1990. The 50-year-old Peter Novak voted yes.",
    "Helen Marsh was born in 1960. In 1990, the 30-year-old Helen Marsh won her first race.",
    "Tom Baker, born in 1950, founded the firm. His son, 44-year-old Mark Baker, runs it.",
])
def test_a_birth_year_that_is_someone_elses_or_an_age_of_another_time_is_no_flag(text):
    assert not any("born" in f["why"] for f in analyse(*corpus((text, "2024-10-20", None)), None).flags)


@pytest.mark.parametrize("text", [
    "Norland's ministers met on Monday. They are poised to approve a new budget for schools.",
    "Norland's football team plays Estonia in Saturday's final. It's a toss-up, the coach said.",
])
def test_a_phrase_about_they_or_about_a_named_thing_takes_no_subject_from_before(text):
    assert analyse(*corpus((text, "2024-05-14", None)), QUESTION).assessments == []


def test_an_undated_articles_dates_take_the_year_of_the_corpus_and_say_so():
    undated = ("Troops reached the Kessa border on Friday, October 13, officials said. "
               "The talks that began on October 10 in Lindau collapsed in May.")
    docs, ex = corpus(("The harbour in Kessa reopened on October 2, 2023, the port authority said.", "2023-10-03", None),
                      ("Ferries to Kessa resumed on Monday after the strike, the operator said.", "2023-10-16", None),
                      (undated, None, None))
    result = analyse(docs, ex, None)
    dates = {x["text"]: x for x in result.dates if x["doc"] == "d2"}
    assert dates["October 10"]["value"] == "2023-10-10" and dates["October 10"]["year_assumed"] == 2023
    assert dates["in May"]["value"] == "2023-05"
    # 13 October 2023 was a Friday: no flag; the events enter the timeline, marked as assumed
    assert not [f for f in result.flags if f["doc"] == "d2"]
    events = [t for t in result.timeline if any(e["doc"] == "d2" for e in t["evidence"])]
    assert {t["date"] for t in events} >= {"2023-10-13", "2023-10-10"} and all(t["year_assumed"] for t in events)
    assert not any(t["year_assumed"] for t in result.timeline if t["date"] == "2023-10-02")


def test_an_assumed_year_that_the_weekday_contradicts_is_flagged_as_assumed():
    docs, ex = corpus(("The harbour in Kessa reopened on October 2, 2024.", "2024-10-03", None),
                      ("Troops reached the Kessa border on Friday, October 13, officials said.", None, None))
    flags = [f for f in analyse(docs, ex, None).flags if f["doc"] == "d1"]
    assert len(flags) == 1 and "Sunday" in flags[0]["why"] and "2024 is the year assumed" in flags[0]["why"]


@pytest.mark.parametrize("days, undated, wanted", [
    (("2023-06-01", "2023-07-09", "2023-08-01"), "It closed on October 10.", ("October 10", "2023-10-10")),
    (("2021-05-02", "2023-06-01"), "It closed on October 10.", ("October 10", None)),  # no one story's span
    # a story over New Year: January is the next year's
    (("2023-12-28", "2023-12-30", "2024-01-04"), "Shelling resumed on Wednesday, January 3.", ("Wednesday, January 3", "2024-01-03")),
    (("2023-06-01", "2023-07-09"), "The vote on February 29 was postponed.", ("February 29", "2024-02-29")),  # a real day
])
def test_an_undated_articles_year_is_the_one_nearest_the_corpus_days(days, undated, wanted):
    docs, ex = corpus(*[(f"The council met on {y}.", y, None) for y in days], (undated, None, None))
    result = analyse(docs, ex, None)
    got = [x["value"] for x in result.dates if x["doc"] == docs[-1].id and x["text"] == wanted[0]]
    assert got == ([wanted[1]] if wanted[1] else [])
    assert not [f for f in result.flags if f["doc"] == docs[-1].id]


def test_an_undated_copy_takes_its_originals_year_over_the_corpus_majority():
    docs, ex = corpus(*[(f"The council met on {y}.", y, None) for y in ("2022-01-05", "2022-02-06", "2019-03-01")],
                      ("It closed on October 10.", None, None))
    docs[-1] = Document(**{**docs[-1].__dict__, "provenance": Provenance(kind="republished", copy_of="d2", group="d2")})
    got = [x["value"] for x in analyse(docs, ex, None).dates if x["doc"] == "d3"]
    assert got == ["2018-10-10"]  # the October before its original's day


def test_reports_of_one_event_merge_in_the_timeline_and_other_events_of_the_day_stay_apart():
    a = "Dockworkers in Kessa walked out on March 3, 2024, closing the northern terminal."
    b = "On March 3, 2024, dockworkers walked out in Kessa and the northern terminal closed, the union said."
    c = "The Lindau council approved the budget for schools on March 3, 2024."
    docs, ex = corpus((a, "2024-03-04", None), (b, "2024-03-05", None), (c, "2024-03-05", None))
    day = [t for t in analyse(docs, ex, None).timeline if t["date"] == "2024-03-03"]
    assert sorted(t["documents"] for t in day) == [1, 2]
    assert {e["doc"] for t in day if t["documents"] == 2 for e in t["evidence"]} == {"d0", "d1"}


def test_sentences_sharing_only_their_date_words_are_not_one_event_dated_twice():
    docs, ex = corpus(("Growers want this year's state price for hazelnuts set at 250 lira a kilo.", "2027-07-28", None),
                      ("It was 190 lira a kilo last year.", "2027-08-05", None))
    assert not [f for f in analyse(docs, ex, None).flags if "another report of the same event" in f["why"]]


@pytest.mark.parametrize("question, line", [
    ("Will the 2027 hazelnut price, due to be announced on 19 August 2027, be 250 lira a kilo or more?", (250, True)),
    ("Will the Danube crest above the 891 cm record set in June 2013?", (891, True)),
    ("Will inflation fall below 3 per cent by June?", (3, False)),
    ("Will Nepal finish in the top two of the Super Four?", None),  # a rank, not a quantity
    ("Will the court rule on 17 September 2027?", None),
])
def test_a_question_that_draws_a_line_at_a_number(question, line):
    from dossier.corpus.assessments import _line
    got = _line(question)
    assert (got and (got.value, got.at_least)) == line or (got is None and line is None)


def test_the_figure_a_source_expects_decides_its_stance_on_a_questions_line():
    question = "Will the grain board set the hazelnut price at 250 lira a kilo or more?"
    docs, ex = corpus(
        ("Ceyhan Securities expects the grain board to announce 240 lira a kilo for hazelnuts.\n\n"
         "“It will be 250 on the nose,” said Hakan Yazici, a hazelnut trader.\n\n"
         "“I'd be surprised if the hazelnut price is under 250,” said Defne Aksoy, an analyst.\n\n"
         "The growers' union wants 260 lira a kilo for hazelnuts.\n\n"
         "A hazelnut price of 250 lira would cost the grain board 30 billion lira.", "2027-08-05", None))
    got = {a["text"][:12]: a["stance"] for a in analyse(docs, ex, question).assessments}
    assert got == {"Ceyhan Secur": "unlikely",  # "expects" 240, under the line
                   "“It will be ": "likely",
                   "“I'd be surp": "likely"}  # doubts "under 250"; a demand and a supposition are no forecasts


@pytest.mark.parametrize("sentence, stance", [
    ("“I think it scrapes through,” said Ivar Lund.", "likely"),  # "through" parsed as an adverb
    ("Few outside Cascadura would bet on Norland sending troops yet.", "unlikely"),  # a subject that denies it
    ("“Troops at the border? I'd be amazed,” said Ivar Lund.", "unlikely"),
    ("“A deployment this year? I don't see it,” said Ivar Lund.", "unlikely"),
    ("“Call it one in three at the very best,” Lund said of a deployment.", "unlikely"),
    ("Bookmakers cut the odds of a Norland deployment to 2.10 overnight.", "possible"),  # decimal odds: 1 in 2.1
    ("The forecasting model now has Norland at 71% and Vestria at 29%.", "likely"),
])
def test_more_ways_of_stating_a_view(sentence, stance):
    assert stance_of(sentence) == stance


def test_has_a_country_at_a_rate_without_a_forecasting_model_is_no_chance():
    assert stance_of("The IMF has Norland at 3% growth next year.") is None


def test_who_in_a_relative_clause_is_the_person_it_follows():
    text = ("“I have seen maybe five parades like that,” said Haroldo Vianna, the commentator, who on Wednesday said "
            "he would be amazed by a title. “That was a champion's parade. I think they win it.”")
    speakers = {q["text"][:20]: q["speaker_name"] for q in extract_text(text, "2027-02-08")["quotes"]}
    assert speakers["he would be amazed b"] == "Haroldo Vianna"
    assert speakers["That was a champion'"] == "Haroldo Vianna"


def test_a_forecast_figure_with_no_word_of_likelihood_is_read_against_the_line():
    question = "Will the grain board set the hazelnut price at 250 lira a kilo or more?"
    docs, ex = corpus(("Hazelnut growers met in Giresun.\n\nKestrel Partners has raised its hazelnut price forecast "
                       "to TL255 from TL240.", "2027-08-05", None))
    got = [(a["holder_name"], a["stance"]) for a in analyse(docs, ex, question).assessments]
    assert got == [("Kestrel Partners", "likely")]  # 255 is over the line; the old 240 is not read


@pytest.mark.parametrize("question, text, wanted", [
    # someone else's figure: no view on the question's subject
    ("Will Labour win more than 325 seats?", "YouGov expects the Conservatives to win 180 seats.", []),
    # a figure reported, compared with or doubted on the "no" side
    ("Will the river crest above the 891 cm record?",
     "The river reached 850 cm on Monday and is likely to rise further, hydrologist Marta Nowak said.",
     []),  # not an "unlikely" read off the 850 it reached
    ("Will the board set the tea price at 250 lira a kilo or more?",
     "Few expect the board to cut the tea price to 230 lira a kilo.", ["possible"]),
    # a comparison word in the statement
    ("Will the river crest above 891 cm?", "Hydrologists at the IMGW expect the river to crest below 891 cm on Thursday.",
     ["unlikely"]),
    # conditions, demands and questions are no forecasts
    ("Will the board set the tea price at 250 lira a kilo or more?",
     "Tea growers will block the roads if the tea price is below 250 lira a kilo, union leader Mehmet Demir said.", []),
    ("Will the board set the tea price at 250 lira a kilo or more?", "Will the board pay 260 lira a kilo for tea this year?", []),
    # a side's count now against a line of votes; "my number" is the writer's own call
    ("Will the senate ratify the treaty with at least 31 of its 60 votes?",
     "The senators met on Tuesday. “We are at 33, and climbing,” said Ines Varga, the government whip.", ["likely"]),
    ("Will the senate ratify the treaty with at least 31 of its 60 votes?",
     "The senators met on Tuesday. “They are four short of the votes they need,” said Ines Varga, who leads the opposition.",
     ["unlikely"]),
    ("Will the survey find at least 2 hectares of occupied forest?",
     "The survey of the occupied forest ends this week.\n\nMy number is 1.7 hectares.", ["unlikely"]),
    ("Will the survey find at least 2 hectares of occupied forest?",
     "“We are at 1.5 hectares so far,” said the survey's leader, Ana Ruiz.", []),  # a partial measure, not a forecast
])
def test_a_figure_decides_only_when_the_source_forecasts_it_for_the_questions_subject(question, text, wanted):
    docs, ex = corpus((text, "2027-08-05", None))
    assert [a["stance"] for a in analyse(docs, ex, question).assessments] == wanted


@pytest.mark.parametrize("question", ["Will children under 16 be banned from social media?",
                                      "Will Arsenal finish in the top three?", "Will the 2026 budget pass?"])
def test_a_number_in_a_question_is_not_always_a_line(question):
    from dossier.corpus.assessments import _line
    assert _line(question) is None


@pytest.mark.parametrize("sentence", [
    "A few would bet on Norland sending troops in June.",  # "a few" affirms
    "“I don't see it from here,” said the umpire of a Norland deployment.",
    "“I'd be amazed by the show they put on,” the critic wrote of Norland.",
    "Against all odds, the Norland pound rallied to 1.27 dollars.",
    "Call it one in three families: that is how many in Norland are struggling.",
    "Our polling model has Labour at 41% and the Conservatives at 22% in Norland.",
])
def test_phrases_that_only_look_like_a_view_against_the_question(sentence):
    assert stance_of(sentence) in (None, "likely") if sentence.startswith("A few") else stance_of(sentence) is None


def test_who_after_of_is_not_the_person_named_there():
    text = "The case was brought by the family of Sir David Amess, who said “justice has been done at last”."
    quotes = extract_text(text, "2024-05-14")["quotes"]
    assert not any(q.get("speaker_name") == "David Amess" for q in quotes)


@pytest.mark.parametrize("text, flagged", [
    ("The Hazelnut Producers' Union, founded in 1991 and marking its 40th year this summer, called a rally.", "40th year"),
    ("Opened in 1867, the 150-year-old incline carries 20 trains a day.", "150-year-old"),
    ("Opened in 1867, the 160-year-old incline carries 20 trains a day.", None),
    ("The union, founded in 1991 and marking its 37th year, called a rally.", None),
    ("The firm was founded in 1991 by the 45-year-old engineer Ana Kessler.", None),  # a person's age
])
def test_a_things_age_at_odds_with_the_year_it_began_is_flagged(text, flagged):
    docs, ex = corpus((text, "2027-08-05", None))
    got = [f["text"] for f in analyse(docs, ex, None).flags if "same sentence gives" in f["why"]]
    assert got == ([flagged] if flagged else [])


def test_one_remark_credited_to_two_people_in_two_reports_is_flagged():
    a = ("Marlene Rocha said the school had spent about $2.5 million on this year's parade. “The avenue doesn't "
         "forgive and it doesn't forget,” she said.")
    b = "Mestre Juninho put it best at the dispersal on Sunday night: ‘The avenue doesn't forgive and it doesn't forget.’"
    docs, ex = corpus((a, "2027-02-03", None), (b, "2027-02-09", None))
    flagged = {f["doc"] for f in analyse(docs, ex, None).flags if "attributed here to" in f["why"]}
    assert flagged == {"d0", "d1"}


def test_rupees_in_two_codes_are_one_currency_to_compare():
    docs, ex = corpus(("Repairs to the Kadugannawa incline will cost Rs 850 million, officials said.", "2027-06-21", None),
                      ("Repairs to the Kadugannawa incline will cost LKR 850 million, the railway said.", "2027-07-14", None))
    comps = analyse(docs, ex, None).comparisons
    assert any(c["verdict"] == "agree" and len(c["claims"]) == 2 for c in comps)


# --- 2026-11-23: from the heldout15 misses, on new wording -------------------------------------


@pytest.mark.parametrize("sentence, stance", [
    ("“If I had to put a number on it, I'd say 65-35 that the treaty passes,” said Ola Berg.", "likely"),
    ("“If you insist on a figure, 30 per cent that it's approved,” Berg said.", "unlikely"),
    ("The Harbour Index model puts the odds of a deal at roughly 3-2 in favour.", "likely"),
    ("Bookmaker Coinline has the challenger at +150.", "possible"),  # 100 in 250
    ("The sportsbook Coinline has the champion at -300.", "likely"),  # 300 in 400
    ("Its latest note gives a deal 'a little under a third' of a chance.", "unlikely"),
    ("“I wouldn't bet against a deal,” she said.", "likely"),
    ("“I'd bet against it,” she said.", "unlikely"),
    ("“But I still see it passing,” Berg said.", "likely"),
    ("“I can see it happening,” Berg said.", "possible"),
    ("“Honestly, I'd call it open,” said Ola Berg.", "possible"),
])
def test_odds_and_views_in_other_forms(sentence, stance):
    assert stance_of(sentence) == stance


@pytest.mark.parametrize("sentence", [
    "The committee voted 3-2 in favour of the plan.",  # a tally
    "Sales rose 6 per cent that year.",
    "We saw them leaving the building on Monday.",  # seeing, in the past, is no view
    "“Call it open season on referees,” the coach said.",
    "Our model has the Greens 41 per cent and the Reds 30 per cent.",  # a list of shares
    "If the deal passes, there is a 30 per cent chance of a strike.",  # a real condition still cancels
])
def test_what_these_forms_leave_alone(sentence):
    assert stance_of(sentence) is None


def test_a_model_number_after_a_colon_in_the_sentence_before():
    got = extract_text("The Quanta model has moved again: Berglund 38 per cent.", "2024-05-14")["judgements"]
    assert [j["stance"] for j in got] == ["possible"]


def test_a_transcript_with_full_name_labels_a_reporter_and_a_relayed_quote():
    text = ("Transcript. Coast Tonight, broadcast Wednesday. Our reporter Ana Lopes is in the capital.\n\n"
            "MARTA VIDAL: Good evening. Tomorrow the Senate votes. Ana, what is the mood?\n\n"
            "ANA LOPES: It has moved Rui Costa, and that matters. I sat with him today. His words to me: "
            "\"I think it scrapes through, and I'll be one of the 23.\"\n\n"
            "VIDAL: And the ports?\n\n"
            "LOPES: Who wants to explain the tolls to the ports? Not enough of them to sink it.\n\n"
            "VIDAL: Pedro Alves of the shippers' council joins us. Mr Alves?\n\n"
            "PEDRO ALVES: A river has no interest in the flag a barge flies. That is what I keep saying.\n\n"
            "VIDAL: And if it fails?\n\n"
            "ALVES: Then we keep paying, and we start again.")
    quotes = extract_text(text, "2030-06-16")["quotes"]
    who = {q["text"][:20]: q["speaker_name"] for q in quotes}
    assert who["It has moved Rui Cos"] == who["Who wants to explain"] == "Ana Lopes"  # the reporter answers
    assert who["I think it scrapes t"] == "Rui Costa"  # his words, quoted in her answer
    assert who["A river has no inter"] == who["Then we keep paying,"] == "Pedro Alves"
    assert not any(q["text"].startswith(("Good evening", "And the ports", "And if it fails")) for q in quotes)


def test_one_remark_given_to_two_people_is_flagged_though_one_copy_quotes_more():
    docs, ex = corpus(
        ("“The sea keeps no record of which flag a ship flies,” said Foreign Minister Lea Horn. "
         "“We will win this vote.”", "2030-06-10", None),
        ("HOST: Karl Brand of the shipowners joins us. Mr Brand?\n\nKARL BRAND: The sea keeps no record of which "
         "flag a ship flies, and I keep telling the senators so.\n\nHOST: And if it fails?\n\nBRAND: Then we pay.\n\n"
         "HOST: Thank you?", "2030-06-16", None),
    )
    flags = [f for f in analyse(docs, ex, None).flags if "attributed here" in f["why"]]
    assert {f["doc"] for f in flags} == {"d0", "d1"}


def test_an_age_beside_a_name_the_model_took_for_a_place():
    docs, ex = corpus(("Varenhorst, the 31-year-old Dutch champion, defends his title.", "2030-11-19", None),
                      ("Varenhorst, the 34-year-old champion, spoke to reporters.", "2030-12-10", None))
    ages = [c for c in analyse(docs, ex, None).claims if c["unit"] == "years"]
    assert {c["measure"] for c in ages} == {"age of Varenhorst"}


@pytest.mark.parametrize("sentence", [
    # what a review of the new odds and cue forms found them misreading (each gave a view before its fix)
    "The Supreme Court ruled 5-4 against the administration in the immigration case.",
    "The Celtics lead the series 3-2 against the Heat heading into Game 6.",
    "Conservatives 365 seats (+120), Labour 203 (-59).",
    "The notes priced at +135 basis points over Treasuries.",
    "The remaining 20 per cent that the company does not own is held by a Qatari fund.",
    "“If you want a ceasefire, Hamas will have to release the hostages,” he said.",
    "“If we had to put the project on hold, the costs would double,” she said.",
    "Prosecutors say he bet against his own team in 2019.",
    "The central bank's forecast was unchanged. Just 12 per cent, the bank said, of loans are bad.",
    "“I see people struggling every day,” said Ruth Adeyemi.",
])
def test_tallies_scores_and_deeds_are_no_views(sentence):
    assert stance_of(sentence) is None


def test_nobody_would_bet_against_him_is_a_view_that_he_will():
    assert stance_of("Nobody would bet against Djokovic at Wimbledon.") == "likely"


def test_a_shared_talking_point_or_a_guessed_continuation_is_no_misattribution():
    docs, ex = corpus(
        ("“We will not be drawn into speculation about an early general election, and our focus remains the "
         "economy,” said minister Ana Price.", "2030-05-14", None),
        ("“We will not be drawn into speculation about an early general election. The economy is what matters, "
         "and our members know it,” said Tom Reed.", "2030-05-15", None),
        ("“We will appeal this verdict in the higher court,” said defence lawyer Ana Silva. Prosecutor Tom Reed was "
         "satisfied. “The verdict was fair and the evidence against him was overwhelming.”", "2030-05-14", None),
        ("“The verdict was fair and the evidence against him was overwhelming,” prosecutor Tom Reed said.",
         "2030-05-15", None))
    assert [f for f in analyse(docs, ex, None).flags if "attributed here" in f["why"]] == []


@pytest.mark.parametrize("said, wanted", [
    ("“The Harbour Party will win the election,” said Ivo Marsh, a pollster.", ["unlikely"]),  # a rival's win
    ("“The Kestrel Party will win the election,” said Ivo Marsh, a pollster.", ["likely"]),
    ("“Anna Berg will win the election,” said Ivo Marsh, a pollster.", []),  # a person is no rival of a party
])
def test_a_plain_future_of_a_contest_is_read_for_the_side_it_names(said, wanted):
    question = "Will the Kestrel Party win the Norland election?"
    docs, ex = corpus(("The Kestrel Party, the Harbour Party and Anna Berg's list are level in the polls before the "
                       "Norland election.\n\n" + said, "2027-05-01", None))
    assert [a["stance"] for a in analyse(docs, ex, question).assessments] == wanted


# --- from the heldout17 misses, on new wording ----------------------------------------------------


@pytest.mark.parametrize("sentence, stance", [
    ("Our traders now make Dunmere 4/6 to stay up.", "likely"),  # a price on an outcome, no word of betting
    ("The desk makes Harrowby 5/2 to win the cup.", "unlikely"),
    ("“We move to 60/40 in favour of a deal before the holidays,” said Ola Berg.", "likely"),
    ("Its 5,000 simulations keep Dunmere up 58 percent of the time.", "likely"),
    ("“My gut says the treaty goes through,” said Ola Berg.", "likely"),  # a hunch that speaks
    ("“Our heart says Dunmere stay up,” the fans' leader said.", "likely"),
])
def test_prices_and_shares_of_outcomes(sentence, stance):
    assert stance_of(sentence) == stance


@pytest.mark.parametrize("sentence", [
    "The council voted 60/40 in favour of the plan.",  # a tally
    "Mix 3/4 to taste.",
    "Ola Berg, who in March said the deal would never happen, now sounds worried rather than certain.",
    "“I stopped predicting in October,” Berg said.",
    "The hearing is scheduled for Friday 9 July, most likely in the afternoon session.",
    "The vote comes on Thursday, probably in the morning.",
    "His heart says he should stay, Berg wrote.",  # a wish, not a forecast
    "The report says the treaty goes through parliament every year.",
])
def test_what_only_looks_like_a_price_or_a_view(sentence):
    assert stance_of(sentence) is None


def test_odds_that_things_stay_as_they_are_and_a_question_that_asks_for_that():
    strike = "Will the Norland ferry strike be over before the holidays start?"
    docs, ex = corpus(("The Norland ferry strike is in its third week.\n\n“I'd say 70-30 that this strike is still going "
                       "on when the holidays start,” said Ola Berg, a mediator.", "2027-12-01", None))
    assert [a["stance"] for a in analyse(docs, ex, strike).assessments] == ["unlikely"]
    survive = "Will Dunmere Rovers avoid relegation from the Norland league?"
    docs, ex = corpus(("Dunmere Rovers face relegation from the Norland league.\n\nBookmakers make Dunmere Rovers 4/6 "
                       "to stay up.", "2027-12-01", None))
    assert [a["stance"] for a in analyse(docs, ex, survive).assessments] == ["likely"]


def test_what_a_yes_needs_is_a_line_a_sides_count_is_read_against():
    question = "Will the assembly ratify the treaty? Ratification needs 14 of 21 votes."
    docs, ex = corpus(("The assembly votes on the treaty on Friday.\n\n“We have sixteen votes for the treaty,” said Ola Berg, "
                       "who leads the government bloc.", "2027-12-01", None))
    assert [a["stance"] for a in analyse(docs, ex, question).assessments] == ["likely"]


# --- what a review of those rules found them misreading (2026-11-23) ----------------------------


@pytest.mark.parametrize("sentence", [
    "India reached 245/6 to win by four wickets.",  # a score
    "Constitutional amendments need 2/3 to pass.",
    "The pharmacy stays open 24/7 to meet demand.",
    "The judges gave her 9/10 to win the title.",
    "The latest survey shows 52/48 in favour of leaving.",  # a poll
    "Members came out 65/35 in favour of strike action.",
    "The court was divided 55/45 in favour of the appeal.",
    "The weather forecast was right only 61 percent of the time last season.",  # a record
    "Bookmakers' favourites win about 33 percent of the time in the Grand National.",
    "The weather forecast said rain. Trains ran on time only 61 percent of the time last year.",
    "Toyota launched a new model last week. Analysts put Toyota at 30 per cent of the market.",
])
def test_scores_polls_and_records_are_no_prices(sentence):
    assert stance_of(sentence) is None


@pytest.mark.parametrize("sentence, stance", [
    ("Lawmakers are expected to vote down the budget on Thursday.", "unlikely"),  # "on Thursday" is no procedure
    ("The committee is expected to debate the bill on Monday, and it will probably pass.", "likely"),
    ("A total of 300 seats is expected for the Kestrel Party.", "likely"),  # a number is a forecast
])
def test_a_timetable_leaves_the_sentence_to_its_other_cues(sentence, stance):
    assert stance_of(sentence) == stance


@pytest.mark.parametrize("question, said, wanted", [
    ("Will the senate ratify the treaty with at least 31 of its 60 votes?",
     "“We are three short of a blocking minority,” said Tom Reed, who leads the opposition.", []),
    ("Will the senate ratify the treaty with at least 31 of its 60 votes?",
     "“They were two short last time,” said Tom Reed, who leads the opposition.", []),  # the past
    ("Will the assembly ratify the treaty? Ratification needs 14 of 21 votes.",
     "“They have sixteen votes against the treaty,” said Ola Berg.", []),
    ("Will the new Ostby hospital, which needs 200 nurses, open in May?",
     "“By May the hospital will have 150 nurses,” said Ola Berg.", []),  # a need, not a line to read 150 against
])
def test_counts_for_the_other_side_past_counts_and_needs_that_are_no_line(question, said, wanted):
    docs, ex = corpus(("The members met on Tuesday to prepare.\n\n" + said, "2027-05-01", None))
    assert [a["stance"] for a in analyse(docs, ex, question).assessments] == wanted


@pytest.mark.parametrize("question, said, wanted", [
    ("Will the Kestrel Party win the Norland election?", "“The Harbour Party will not win the election,” said Ivo Marsh.", []),
    ("Will the Kestrel Party win the Norland election?",
     "“The Harbour Party will take the capital but lose the election,” said Ivo Marsh.", []),
    ("Will the Kestrel Party win the Norland election?", "“Voters will hand the Kestrel Party a clear win,” said Ivo Marsh.",
     ["likely"]),
    ("Will the Kestrel Party win the Norland election?", "“Kestrel will win the election,” said Ivo Marsh.", ["likely"]),
    ("Will the Democratic Party win the Norland election?", "“Democrats will win the election,” said Ivo Marsh.",
     ["likely"]),
    ("Will Norland keep its troops at home?", "“Vestria will keep its troops at home, and so will Norland,” said Ivo Marsh.",
     ["likely"]),  # no prize: no contest
])
def test_rivals_are_only_other_sides_taking_the_prize(question, said, wanted):
    setting = ("The Kestrel Party, the Harbour Party and the Democratic Party are level in the polls before the Norland "
               "election, and Vestria and Norland have troops near the border.\n\n")
    docs, ex = corpus((setting + said, "2027-05-01", None))
    assert [a["stance"] for a in analyse(docs, ex, question).assessments] == wanted


def test_a_contraction_is_another_wording_but_a_stretch_with_the_same_contraction_is_not():
    a = "“We will not sail for crumbs,” said Ingrid Sole, who leads the crews' union."
    b = "“We won't sail for crumbs and promises,” said Ingrid Sole, who leads the crews' union."
    c = "“We won't sail for crumbs,” said Ingrid Sole, who leads the crews' union."  # a stretch of b
    docs, ex = corpus((a, "2027-11-20", None), (b, "2027-11-29", None))
    assert {f["doc"] for f in analyse(docs, ex, None).flags if "other words" in f["why"]} == {"d0", "d1"}
    docs, ex = corpus((b, "2027-11-20", None), (c, "2027-11-29", None))
    assert not any("other words" in f["why"] for f in analyse(docs, ex, None).flags)


def test_an_age_beside_a_name_the_model_missed_is_that_persons():
    # in a long article the model may tag no person at "The captain, X Y, 33,"; the mention
    # finder's name still carries the age
    from dossier.extract.figures import find_figures
    from dossier.extract.nlp import parse

    doc = parse("The captain, Jhonatan Villca, 33, has played 11 seasons for the club.")
    doc.ents = []
    end = doc.text.index(", 33")
    (age,) = [f for f in find_figures(doc, [], [(end, "Jhonatan Villca")]) if f.value == 33]
    assert age.measure == "age of Jhonatan Villca" and age.unit == "years"
    a = "The captain, Jhonatan Villca, 33, has played 11 seasons for the club. “We stay up,” he said."
    b = "Villca, the 35-year-old captain, did not train on Monday."
    docs, ex = corpus((a, "2027-10-13", None), (b, "2027-11-03", None))
    assert {f["doc"] for f in analyse(docs, ex, None).flags if "age" in f["why"].lower()} == {"d0", "d1"}


@pytest.mark.parametrize("question, text, wanted", [
    ("Will the heritage committee inscribe the Ostby caves at its July session?",
     "The committee meets in July on the Ostby caves.\n\n“My guess is a referral, not an inscription,” said Ivo Marsh.",
     ["unlikely"]),
    ("Will the heritage committee inscribe the Ostby caves at its July session?",
     "The committee meets in July on the Ostby caves.\n\n“My guess is an inscription, not a referral,” said Ivo Marsh.",
     ["likely"]),
    ("Will Dunmere Rovers win the Northland Cup?",
     "Dunmere Rovers and Harrowby Town meet in the Northland Cup final.\n\nMy call, for what it's worth: Harrowby, by a goal.",
     ["unlikely"]),
    ("Will Dunmere Rovers win the Northland Cup?",
     "Dunmere Rovers and Harrowby Town meet in the Northland Cup final.\n\nMy pick is Dunmere, on penalties.", ["likely"]),
    ("Will Dunmere Rovers win the Northland Cup?", "Dunmere Rovers play in the final.\n\nMy tip is the pie at the ground.", []),
    ("Will Dunmere Rovers win the Northland Cup?",
     "Dunmere Rovers play in the Northland Cup final in London.\n\nMy guess is London, as ever.", []),  # no side
])
def test_a_call_named_as_a_thing(question, text, wanted):
    docs, ex = corpus((text, "2027-05-01", None))
    assert [a["stance"] for a in analyse(docs, ex, question).assessments] == wanted


# --- from a review of the new rules with invented text -------------------------------------------

@pytest.mark.parametrize("question, said, kept", [
    ("Will the central bank cut interest rates in June?", "The Bank of Kessa is likely to cut interest rates in June.", 1),
    ("Will Norland send troops to the border?", "Troops of the Northern Command are likely to be sent to the border.", 1),
    ("Will the Harbour ice road open to cars before March?", "The ice road to Kesk is likely to open to cars soon.", 0),
])
def test_another_thing_of_the_kind_only_when_the_question_names_its_own(question, said, kept):
    docs, ex = corpus((said, "2024-05-14", None))
    assert len(analyse(docs, ex, question).assessments) == kept


@pytest.mark.parametrize("first, kept", [
    ("Dunmore Rovers manager Ana Ruiz spent the week on the training pitch.", 1),
    ("Former Dunmore Rovers manager Ana Ruiz, now in charge of Kestrel, spoke on Monday.", 0),
    ("Ana Ruiz, an analyst for Dunmore Radio, spoke on Monday.", 0),
    ("Dunmore Rovers want Ana Ruiz, the Kestrel manager, as their next coach.", 0),
])
def test_a_side_is_one_the_speaker_is_on_now(first, kept):
    docs, ex = corpus((first, "2024-05-10", None),
                      ("Relegation looms over Dunmore Rovers this season. “We are going to stay up,” said Ana Ruiz. “We will win "
                       "back the fans,” said Ana Ruiz.", "2024-05-14", None))
    assert len(analyse(docs, ex, "Will Dunmore Rovers avoid relegation this season?").assessments) == kept


@pytest.mark.parametrize("sentence", [
    "I think the club accepts the criticism.",  # an attitude, not a decision to come
    "I think the members take the offer as an insult.",
    "The odds of a rate cut rose after inflation fell to 2.1 per cent in April.",  # inflation's number
    "Unicef's latest estimate is one in five.",  # a share of children
    "“I'd give it seven out of ten,” she said of the minister's first year.",  # a mark
    "The fund placed a 30 percent bet on Kessa bonds.",
    "The median stay was 0.5 days.",
    "The median rating among critics was 0.85, the site said.",  # a rating, not a chance
    "The tracker mortgage rate has dropped to 0.75, the bank said.",
])
def test_review_sentences_that_judge_no_likelihood(sentence):
    assert stance_of(sentence) is None


def test_a_title_case_headline_keeps_its_cue():
    assert stance_of("Harbour Ice Road Unlikely To Open Before March, Officials Say") == "unlikely"


def test_a_height_in_metres_and_its_feet_written_as_an_abbreviation_agree():
    docs, ex = corpus(("The 1,496-metre mountain has been swelling since June.", "2024-05-14", None),
                      ("The summit of the 4,908 ft volcano has risen 90 mm.", "2024-05-15", None))
    assert [(c["values"], c["verdict"]) for c in analyse(docs, ex, None).comparisons
            if 1496.0 in c["values"]] == [([1496.0, 4908.0], "agree")]


def test_conversions_that_meet_by_chance_or_round_loosely_do_not_agree():
    docs, ex = corpus(("The runway is 2,743 metres long.", "2024-05-14", None),
                      ("The jet cruised at 9,000 feet.", "2024-05-15", None),
                      ("On Monday the town hit 97 degrees Fahrenheit.", "2024-05-14", None),
                      ("On Monday the town hit 38 degrees Celsius.", "2024-05-15", None))
    comps = analyse(docs, ex, None).comparisons
    assert not any(set(c["values"]) == {2743.0, 9000.0} for c in comps)
    assert all(c["verdict"] == "differ" for c in comps if set(c["values"]) == {97.0, 38.0})


@pytest.mark.parametrize("question, first_too_late", [
    ("Will the Kesk bridge reopen before 1 May 2028?", "2028-05-01"),
    ("Will the ferry strike be over by the end of October?", "2027-11-01"),
    ("Will Harbour Energy take its investment decision on or before 30 June 2028?", "2028-07-01"),
    ("Will the climbers reach the top before the equinox, at 07:17 on 20 March 2028?", "2028-03-20"),
    ("Will the Tarn rocket lift off before its window closes on 16 May 2027?", "2027-05-16"),
    ("Will the dockers strike end by June?", "2027-07-01"),
    ("Will the court grant the injunction when it rules on 17 September 2027?", None),
    ("Will Norland send its army into the war?", None),
])
def test_the_deadline_a_question_sets(question, first_too_late):
    from dossier.corpus.deadline import question_deadline

    deadline = question_deadline(question, "2027-04-10")
    assert (deadline.first_too_late if deadline else None) == first_too_late


def test_a_forecast_of_when_answers_a_deadline_question():
    """A time ahead of the deadline expects the outcome, a time after it doubts it, with or
    without a word of likelihood; without a deadline in the question a forecast of when
    says nothing about it."""
    text = ("The two crews boring the Kesk tunnel are 40 metres apart.\n\n"
            "“We will break through in the third week of April,” said Ana Ruiz, the site manager.\n\n"
            "Ivar Lund, a tunnelling engineer, was less sure. “My honest estimate for the tunnel is a "
            "breakthrough in late May or June,” he said.\n\n"
            "“I think we break through in the first days of May,” said Tomas Kell, the other site manager.\n\n"
            "“We met the crews in March,” said Ana Ruiz.")
    docs, ex = corpus((text, "2028-04-02", None))
    got = {a["holder_name"]: a["stance"] for a in
           analyse(docs, ex, "Will the two crews of the Kesk tunnel break through before 1 May 2028?").assessments}
    assert got == {"Ana Ruiz": "likely", "Ivar Lund": "unlikely", "Tomas Kell": "unlikely"}
    why = {a["holder_name"]: a["how"] for a in
           analyse(docs, ex, "Will the two crews of the Kesk tunnel break through before 1 May 2028?").assessments}
    assert any("after the question's deadline (before 1 May 2028)" in h for h in why["Ivar Lund"])
    undated = analyse(docs, ex, "Will the two crews of the Kesk tunnel break through?").assessments
    assert {a["holder_name"] for a in undated} == {"Tomas Kell"}  # the one with a word of likelihood


def test_an_exception_leaves_a_forecast_but_a_condition_makes_a_consequence():
    assert stance_of("“Unless the storm comes early, the ferry will be running again by Tuesday,” "
                     "said Ana Ruiz.") == "likely"
    assert stance_of("“If the storm comes early, the ferry will be running again by Tuesday,” "
                     "said Ana Ruiz.") is None


@pytest.mark.parametrize("sentence, window", [
    ("in late May", ["2028-05-21", "2028-05-31"]),
    ("in the first days of May", ["2028-05-01", "2028-05-10"]),
    ("between late April and mid-May", ["2028-04-21", "2028-05-20"]),
    ("between 25 April and 5 May", ["2028-04-25", "2028-05-05"]),
    ("by Tuesday night", ["", "2028-04-04"]),
    ("before 1 May", ["", "2028-04-30"]),
    ("before the end of August", ["", "2028-08-31"]),
    ("on 3 May at the latest", ["", "2028-05-03"]),
    ("on 28 April at the earliest", ["2028-04-28", ""]),
    ("no earlier than 20 April", ["2028-04-20", ""]),
    ("after 20 April", ["2028-04-21", ""]),
    ("in August", ["2028-08-01", "2028-08-31"]),  # said in April with no "will": the coming August
    ("in March", None),  # a month just gone is what happened
])
def test_the_window_a_forecast_gives_its_event(sentence, window):
    from dossier.extract.dates import find_dates
    from dossier.extract.timing import forecast_window

    text = f"My estimate is a breakthrough {sentence}."
    assert forecast_window(text, 0, len(text), find_dates(text, "2028-04-02"), "2028-04-02") == window


@pytest.mark.parametrize("question, reference, first_too_late", [
    ("Will Tarn's finance minister, Ana Ruiz, resign before 1 July?", "2027-11-02", "2028-07-01"),  # never past
    ("Will the Kesk bill be passed by parliament before May?", "2028-01-10", "2028-05-01"),  # "by" of the passive
    ("Will the Kesk firm be bought by Kestrel Group in June?", "2028-01-10", None),
    ("Will the Kell dockers' strike last until the end of May?", "2028-01-10", None),  # how long, not by when
])
def test_what_is_not_a_questions_deadline(question, reference, first_too_late):
    from dossier.corpus.deadline import question_deadline

    deadline = question_deadline(question, reference)
    assert (deadline.first_too_late if deadline else None) == first_too_late


@pytest.mark.parametrize("quote, question, stance", [
    ("“We will not break through in April,” said Ana Ruiz, the site manager.", None, "unlikely"),
    ("“We won't break through until mid-May,” said Ana Ruiz, the site manager.", None, "unlikely"),
    ("“We will review progress on the tunnel in June,” said Ana Ruiz, the site manager.", None, None),
    ("“We will publish our report on the tunnel on 15 May,” said Ana Ruiz, the site manager.", None, None),
    ("“I expect the breakthrough between late April and mid-May,” said Ana Ruiz, the site manager.", None,
     "possible"),
    ("“I expect Norland to keep the Kesk fishing ban in June,” said Ana Ruiz, an analyst.",
     "Will Norland lift the Kesk fishing ban before 1 July 2028?", "unlikely"),  # the status quo keeps its turn
])
def test_forecasts_of_when_that_deny_time_another_act_or_straddle_the_deadline(quote, question, stance):
    question = question or "Will the two crews of the Kesk tunnel break through before 1 May 2028?"
    docs, ex = corpus(("The crews boring the Kesk tunnel are 40 metres apart.\n\n" + quote, "2028-04-02", None))
    got = [a["stance"] for a in analyse(docs, ex, question).assessments]
    assert got == ([stance] if stance else [])


@pytest.mark.parametrize("sentence", [
    "“The Dunmore ferry will not run again unless the harbour wall is repaired,” said Ana Ruiz.",
    "“Nothing will be signed unless both parliaments agree,” said Ana Ruiz.",
])
def test_unless_over_a_denial_is_the_condition_it_waits_on(sentence):
    assert stance_of(sentence) is None


@pytest.mark.parametrize("sentence, window", [
    ("Before May, I would say.", ["", "2028-04-30"]),
    ("By June we will be through.", ["", "2028-06-30"]),
    ("In late May, my estimate is.", ["2028-05-21", "2028-05-31"]),
])
def test_a_window_at_the_start_of_a_sentence(sentence, window):
    from dossier.extract.dates import find_dates
    from dossier.extract.timing import forecast_window

    assert forecast_window(sentence, 0, len(sentence), find_dates(sentence, "2028-02-10"), "2028-02-10") == window
