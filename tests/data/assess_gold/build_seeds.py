"""Builds seeds.json (hand labels are the literals below; this script only serialises them)."""
import json, os
HERE = os.path.dirname(os.path.abspath(__file__))
A0, A1, A2, A3, A4 = ("000_b81497d0bf113f54", "001_b26fa5fda08c2e0f", "002_35385104a2a9b4df",
                      "003_11f718e472c5fad0", "004_5943972ce843c96a")

def a(article, text, holder, stance, note):
    return {"article": article, "text": text, "holder": holder, "stance": stance, "note": note}

assessments = [
    # 000
    a(A0, "Belarus may join forces with Russia in combat", "Alexander Lukashenko", "possible",
      "Lukashenko (to Belta) says Belarus 'may' join Russia in combat; modal 'may'."),
    a(A0, "she believes both Lukashenko and Putin doubt that the Belarusian army would fulfil the order to fight in Ukraine",
      "Sviatlana Tsikhanouskaya", "unlikely",
      "'doubt' that the army would fight in Ukraine; Tsikhanouskaya's reading of Lukashenko's and Putin's view. Her following quote ('I'm sure that [Lukashenko] would give the order ... if he was sure they would fight') is a conditional and is not labelled separately."),
    # 001
    a(A1, "Now Lukashenka's meetings with Vladimir Putin once again sowed fear that Minsk is about to join the aggression",
      "The Guardian", "possible",
      "reported fear ('sowed fear that Minsk is about to join'), attributed by '..., writes The Guardian'; a fear signals a perceived possibility, not an expectation."),
    a(A1, "there are serious doubts that Lukashenko is really ready to throw his troops into a war that Russia is already losing, even under pressure from Putin",
      None, "unlikely", "writer's own voice: 'serious doubts'."),
    a(A1, "That is why I think that Lukashenko will definitely try to resist any incitement to a full-scale war",
      "Artyom Shreibman", "unlikely",
      "'will definitely' attaches to resisting the war, so the stance on entering it is unlikely."),
    a(A1, "On the other hand, I cannot guarantee , that he can successfully evade forever",
      "Artyom Shreibman", "possible",
      "'I cannot guarantee ... forever' qualifies his doubt: entry remains possible."),
    a(A1, "There are ways by which Russia can provoke Belarus to join the battle",
      "Artyom Shreibman", "possible", "'can provoke Belarus to join': possibility."),
    a(A1, "he is inclined to the second and third versions", "Konrad Muzyka", "possible",
      "of his three explanations for the exercises, the third is 'preparation for an attack against Ukraine'; leaning to two of them (one being attack) = possible, not likely."),
    a(A1, "he does not believe that the army of Belarus will enter the war against Ukraine", "Franak Vyachorka", "unlikely",
      "negated belief: 'does not believe ... will enter'."),
    a(A1, "I doubt it very much, we have no reason for it", "Franak Vyachorka", "unlikely", "'I doubt it very much'."),
    # 002 (machine-spun; read through the synonyms)
    a(A2, "It\u00a0may awesome a game-changing subject move.", None, "possible",
      "spun 'It may signal a game-changing military move' (of the embassy evacuation); writer's own voice, 'may'."),
    a(A2, "Belarus whitethorn articulation the fray connected Moscow’s broadside", "Ihor Romanenko", "possible",
      "spun 'Belarus may join the fray on Moscow's side' ('whitethorn' = may)."),
    a(A2, "Judging by however things unfold, the anticipation is high", "Ihor Romanenko", "likely",
      "spun 'Judging by how things unfold, the probability is high' ('anticipation' = probability)."),
    a(A2, "Belarusian forces whitethorn effort to assistance Moscow prehend Kyiv", "Ihor Romanenko", "possible",
      "spun 'Belarusian forces may try to help Moscow seize Kyiv'; 'helium added' = he added (Romanenko)."),
    a(A2, "Lukashenko’s forces whitethorn spearhead the Russian beforehand connected occidental Ukrainian regions",
      "Nikolay Mitrokhin", "possible",
      "spun 'Another expert thinks Lukashenko's forces may spearhead the Russian advance on western Ukrainian regions'; 'Another expert' = Mitrokhin."),
    a(A2, "Possibly, the penetration volition beryllium much full-scale", "Nikolay Mitrokhin", "possible",
      "spun 'Possibly, the invasion will be more full-scale' (i.e. with Belarus joining); 'Possibly' hedges 'will'."),
    a(A2, "the Belarusians whitethorn assistance Russia beforehand towards 3 large occidental Ukrainian cities",
      "Nikolay Mitrokhin", "possible", "spun 'the Belarusians may help Russia advance towards 3 large western Ukrainian cities'."),
    a(A2, "helium was not going to backmost Putin militarily", "Alexander Lukashenko", "unlikely",
      "spun 'he said he was not going to back Putin militarily' (February); declaration by the decision-maker, 'not going to'."),
    a(A2, "We are not going to get dragged into the war", "Alexander Lukashenko", "unlikely",
      "Lukashenko to top brass in February: 'not going to get dragged into the war'."),
    a(A2, "Lukashenko may, aft all, participate the warfare", "Oleksiy Danilov", "possible",
      "spun 'Lukashenko may, after all, enter the war'; 'Ukraine's top security official' = Danilov."),
    # 003
    a(A3, "sparking fears of the country opening a second front in the invasion of Ukraine", None, "possible",
      "writer reports fears of Belarus opening a second front; fear = perceived possibility."),
    a(A3, "the move has heightened fears that Belarus may join the war in Ukraine", None, "possible",
      "writer's own voice: 'heightened fears that Belarus may join'."),
    a(A3, "From my perspective, for now, it’s unlikely", "Victor Tregubov", "unlikely",
      "'it's unlikely', 'for now'; 'it' = an additional (Belarusian) front. Read as unlikely to happen; his reason (the first attack from that side failed) could also be read as 'unlikely to succeed' — see README."),
    a(A3, "this was “highly unlikely because there are no good roads and the landscape is all forests", "Victor Tregubov", "unlikely",
      "'highly unlikely': a joint Russian-Belarusian offensive from the north-west (terrain, winter). The preceding 'there may be some potential for ... if they were successful' is about the payoff if it succeeded and is not labelled."),
    # 004
    a(A4, "Vladimir Putin's most loyal foreign ally is likely too scared to risk sending troops into Ukraine", "Institute for the Study of War", "unlikely",
      "'likely too scared to risk sending troops' = unlikely to send; 'experts have said' = the ISW report the article covers."),
    a(A4, "Lukashenko will likely avoid \"direct military involvement of Belarusian Armed Forces in operations in Ukraine\"", "Institute for the Study of War", "unlikely",
      "'will likely avoid' direct military involvement."),
    a(A4, "The likelihood of direct Belarusian involvement in the war in Ukraine remains low", "Institute for the Study of War", "unlikely",
      "'likelihood ... remains low'."),
]

comparisons = [
    {"measure": "Alexander Lukashenko's age",
     "claims": [{"article": A2, "text": "67-year-old"}, {"article": A0, "text": "68-year-old"}],
     "verdict": "agree",
     "note": "consistent: born 30 Aug 1954, so 67 when speaking in February 2022 (002, March 2022 article) and 68 in October 2022 (000)."},
    {"measure": "Belarusian public support for sending the army into the war (poll share)",
     "claims": [{"article": A0, "text": "three percent"}, {"article": A1, "text": "10%"}],
     "verdict": "differ",
     "note": "3% (Chatham House poll, May: approve deployment of Belarusian troops in Ukraine) vs 10% (polls cited by Shreibman: support direct involvement in a war against Ukraine). Same broad measure but different polls, dates and wording, so the gap is not necessarily a contradiction."},
    {"measure": "size of the Belarusian army",
     "claims": [{"article": A1, "text": "about 7,000 soldiers"}, {"article": A2, "text": "48,000 servicemen"}],
     "verdict": "differ",
     "note": "different measures: about 7,000 combat-ready troops (Vyachorka) vs 48,000 servicemen in the whole army (Al Jazeera)."},
]

flags = [
    {"article": A0, "text": "Friday, October 13",
     "why": "[weekday] 13 October 2022 was a Thursday, not a Friday."},
    {"article": A0, "text": "illegally annexed by Putin in 2018",
     "why": "[world knowledge] Russia annexed Crimea in 2014, not 2018."},
]

out = {"stories": {"belarus-2022": {
    "question": "Will Belarus send its army into the war in Ukraine?",
    "articles": [A0, A1, A2, A3, A4],
    "assessments": assessments, "comparisons": comparisons, "flags": flags}}}
with open(os.path.join(HERE, "seeds.json"), "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, indent=1)
    f.write("\n")
