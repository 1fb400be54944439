"""Builds heldout.json (hand labels are the literals below; this script only serialises them)."""
import json, os
HERE = os.path.dirname(os.path.abspath(__file__))
KG1, KG2, KG3, KG4 = "kg1_eurasia_ledger", "kg2_associated_wire", "kg3_bishkek_herald", "kg4_steppe_review"
HR1, HR2, HR3 = "hr1_continental_standard", "hr2_meridian_wire", "hr3_adriatic_times"
DK1, DK2, DK3 = "dk1_financial_courier", "dk2_science_dispatch", "dk3_biopharma_weekly"

def a(article, text, holder, stance, note):
    return {"article": article, "text": text, "holder": holder, "stance": stance, "note": note}

def c(measure, claims, verdict, note):
    return {"measure": measure, "claims": [{"article": x, "text": t} for x, t in claims],
            "verdict": verdict, "note": note}

kg = {
 "question": "Will the disputed election result be overturned?",
 "articles": [KG1, KG2, KG3, KG4],
 "assessments": [
    a(KG2, "and we will show that in every district where there are questions.", "Almazbek Osmonov", "unlikely",
      "second half of the split quote 'We have nothing to hide ... and we will show that ...': the election chief expects the review to vindicate the count, i.e. the result to stand. Implicit; confident forward-looking denial by the official in charge."),
    a(KG4, "Few expect it to succeed", None, "unlikely",
      "'Few expect' the Supreme Court challenge (annulment at 312 stations) to succeed; writer reports a general expectation, backed by the base rate that follows (no election result overturned since 1991)."),
    a(KG4, "The government, for its part, appears confident that it has weathered the storm.", None, "unlikely",
      "writer's own judgement ('appears confident') that the government expects the result to hold."),
 ],
 "comparisons": [
    c("Yntymak's share of the vote in the preliminary results",
      [(KG1, "41.7 per cent"), (KG2, "41.7 percent"), (KG4, "41.7")], "agree",
      "all 41.7%. kg4's 40.9% is the certified final share after the recount (a different measure, explained in kg4 itself)."),
    c("Jany Jol's share of the vote in the preliminary results",
      [(KG1, "23.4 per cent"), (KG2, "23.4 percent")], "agree",
      "both 23.4%. kg4's 24.1% is the certified final share."),
    c("number of polling stations covered by the opposition's complaints / court challenge",
      [(KG1, "312 polling stations"), (KG2, "312 polling stations"), (KG3, "312 polling stations"), (KG4, "312 polling stations")],
      "agree", "312 in all four. kg1's 'more than 300 polling stations' (stations where observers recorded ballot stuffing) is consistent but not listed as the same measure."),
    c("seats in the Jogorku Kenesh",
      [(KG1, "90-seat"), (KG2, "90-seat"), (KG4, "90 seats")], "agree", "90 in all three."),
    c("Almazbek Tursunaliev's age",
      [(KG2, "54"), (KG4, "54-year-old")], "agree", "54 in both (6 and 14 March 2024)."),
    c("size of the opposition protest in Bishkek",
      [(KG1, "About 800 opposition supporters"), (KG2, "about 5,000 people"), (KG2, "more than 20,000")], "differ",
      "different measures: kg1's ~800 gathered outside the CEC on Monday evening (4 March); kg2's 5,000 (Interior Ministry) / 20,000+ (Jany Jol) are for Tuesday's march (5 March). kg2's own two estimates also differ by source."),
    c("polling stations in Osh affected by the recount",
      [(KG3, "46 polling stations"), (KG4, "nine polling stations")], "differ",
      "different measures: 46 stations were recounted (kg3); results were annulled at nine of them after the recount (kg4)."),
 ],
 "flags": [
    {"article": KG1, "text": "Voters had a genuine choice, but they did not always have a free one.",
     "why": "[quote wording] kg4 quotes the same remark by Ingrid Solheim in different words (“a genuine choice, but not always a free one.”); at most one of the two can be verbatim."},
    {"article": KG4, "text": "a genuine choice, but not always a free one.",
     "why": "[quote wording] kg1 gives Solheim's remark as ‘Voters had a genuine choice, but they did not always have a free one.’; the two direct quotes differ."},
 ],
}

hr = {
 "question": "Will the power workers' dispute spread to other public-sector unions?",
 "articles": [HR1, HR2, HR3],
 "assessments": [
    a(HR1, "they expected support from other public-sector unions, including teachers and railway workers, if the strike dragged on",
      "Independent Union of Energy Workers", "likely",
      "'Union officials said they expected support' (unnamed officials of a named union -> the union); expectation conditional on the strike dragging on, but the expected event is the spread itself."),
    a(HR1, "Mr Novak did not rule out a wider protest in Zagreb in June.", "Marko Novak", "possible",
      "'did not rule out' a wider protest."),
    a(HR3, "could put pressure on other public-sector unions, whose own contracts expire in the autumn", None, "possible",
      "'Economists said the deal ... could put pressure on other public-sector unions'; 'could'. Holder null: unnamed economists (no canonical name; same as the extraction labels' null speaker)."),
    a(HR3, "Teachers and railway workers will be reading this agreement very carefully", "Ana Perić", "likely",
      "'will be reading ... very carefully': she expects other public-sector unions to use the deal as a benchmark (followed by her point that a legal strike in a critical sector 'is a very strong card')."),
 ],
 "comparisons": [
    c("pay rise demanded by the union (over two years)", [(HR1, "12 per cent"), (HR2, "12%")], "agree", "12% in both."),
    c("pay rise offered by the company before the strike", [(HR1, "4.5 per cent"), (HR2, "4.5%")], "agree", "4.5% in both."),
    c("annual cost of the union's original demands",
      [(HR1, "about €107 million"), (HR2, "about 107 million euros"), (HR3, "€107 million")], "agree",
      "€107m a year in all three (hr3's deal costs €71m, a different measure)."),
    c("union membership at Jadranska Energija", [(HR1, "about 6,800"), (HR3, "roughly 6,800 members")], "agree", "about 6,800 in both."),
    c("Marko Novak's age", [(HR1, "47-year-old"), (HR3, "47-year-old")], "agree", "47 in both (14 and 22 May 2024)."),
    c("length of the strike", [(HR2, "four-day-old"), (HR3, "nine-day")], "agree",
      "consistent: began Monday 13 May, so four days old on Thursday 16 May (hr2) and nine days long when it ended on Tuesday night, 21 May (hr3)."),
    c("maintenance work postponed because of the strike",
      [(HR1, "a dozen scheduled maintenance jobs"), (HR2, "14 maintenance projects")], "differ",
      "different measures: a dozen jobs company-wide on the first day (hr1, per the company) vs 14 projects at the grid subsidiary JE Prijenos by Wednesday (hr2)."),
 ],
 "flags": [],
}

dk = {
 "question": "Will NVK-214 become a serious rival to Wegovy and Zepbound?",
 "articles": [DK1, DK2, DK3],
 "assessments": [
    a(DK1, "putting it within striking distance of the market leaders", None, "possible",
      "writer's own gloss on the trial result (outside the company's reported clause): 'within striking distance' = close enough to challenge, not yet a rival."),
    a(DK1, "We’re a small company, but we’ve shown we can compete with the very biggest.", "Mette Kjærgaard", "likely",
      "confident claim by the chief executive: 'we've shown we can compete'."),
    a(DK1, "the data made Nordvik ‘the most credible challenger’ to the incumbents", "Skagen Securities", "likely",
      "'the most credible challenger'; the caution about side effects that follows is an observation, not a separate stance."),
    a(DK1, "The efficacy is there. The question now is tolerability and, frankly, manufacturing.", "Sarah Whitfield", "possible",
      "hedge: efficacy granted, success open ('The question now is ...'); speaker named in the next sentence."),
    a(DK1, "a small company would struggle to produce an injectable drug at the scale the market demands", "Sarah Whitfield", "unlikely",
      "'would struggle' to supply at market scale; 'That's the real moat, not the molecule' follows."),
    a(DK2, "a result that could make the drug a serious rival to Wegovy and Zepbound", None, "possible",
      "writer's own voice after the dash: 'could make ... a serious rival'."),
    a(DK2, "On efficacy alone, this is in the same league as tirzepatide", "Kevin Osei", "possible",
      "'On efficacy alone' hedges the comparison with tirzepatide (Zepbound); he reserves judgement pending 'the full safety table'."),
    a(DK3, "the drug could reach peak annual sales of more than $5bn", "Daniel Reyes", "possible",
      "'could reach' blockbuster sales."),
    a(DK3, "leaving room for \"a third, a fourth and probably a fifth player.\"", "Priya Raman", "likely",
      "market big enough for a third player (i.e. NVK-214) without hedging; only the fifth is 'probably'."),
    a(DK3, "She said the bigger risk was manufacturing.", "Priya Raman", "possible",
      "names the main risk to success: hedge, not a forecast either way."),
 ],
 "comparisons": [
    c("NVK-214 average weight loss over 68 weeks (whole trial)",
      [(DK1, "18.4 per cent"), (DK1, "nearly a fifth"), (DK2, "18.4 percent")], "agree",
      "18.4% in dk1 and dk2; dk1's 'nearly a fifth' is the same result."),
    c("NVK-214 weight loss: trial average vs highest-dose patients",
      [(DK1, "18.4 per cent"), (DK2, "18.4 percent"), (DK3, "21.3%")], "differ",
      "different measures: 18.4% is the average for all patients on the drug; dk3's 21.3% is for patients who stayed on the highest dose."),
    c("placebo-group weight loss", [(DK1, "2.1 per cent"), (DK2, "2.1 percent")], "agree", "2.1% in both."),
    c("trial size", [(DK1, "3,200 patients"), (DK2, "3,200 adults")], "agree", "3,200 in both."),
    c("trial duration", [(DK1, "68 weeks"), (DK2, "68 weeks")], "agree", "68 weeks in both."),
    c("share of patients on the drug reporting nausea", [(DK1, "About 31 per cent"), (DK2, "about 31 percent")], "agree", "about 31% in both."),
    c("share of patients stopping treatment because of side effects", [(DK1, "6.8 per cent"), (DK2, "6.8 percent")], "agree", "6.8% in both."),
    c("rise in Nordvik's share price on the day of the trial readout (9 Sept)", [(DK1, "38 per cent"), (DK2, "38%")], "agree", "38% in both."),
    c("rise in Nordvik's share price: readout day vs cumulative",
      [(DK1, "38 per cent"), (DK3, "54%")], "differ",
      "different measures: 38% on 9 September alone vs 54% cumulative since the readout (dk3, 18 September)."),
    c("Nordvik's headcount", [(DK2, "about 240 employees"), (DK3, "240 people")], "agree", "about 240 in both."),
 ],
 "flags": [],
}

out = {"stories": {"kg-election-2024": kg, "hr-energy-strike-2024": hr, "dk-obesity-drug-2024": dk}}
with open(os.path.join(HERE, "heldout.json"), "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, indent=1)
    f.write("\n")
