"""The benchmark's private "article spinner" thesaurus.

Hand-written for the benchmark only: odd, context-blind "synonyms" in the spirit of
automatic article spinners (function words included).  The detector under test must
never import or read this file; it is only used by ``bench/corpus.py`` to make the
``spun`` copies.

Format: one entry per ``;``-separated item, ``word: replacement | replacement ...``.
A replacement may be several words.
"""

from __future__ import annotations

_RAW = """
at: aloft | atop; in: indoors | inward; on: upon | astir; he: himself | that gent;
she: herself | that dame; be: subsist | abide; may: hawthorn | mayhap; while: whilst | stint;
is: bides | subsists; was: bode | subsisted; were: subsisted | bode; are: bide | subsist;
has: possesses | owns; have: possess | own; had: possessed | owned; will: testament | volition;
would: wouldst | might; can: tin | canister; could: couldst | mightest; not: nay | non;
to: unto | toward; of: belonging to | off; for: fore | on behalf of; with: amid | withal;
by: aside | via; from: hence | out of; as: qua | like; that: yon | thence; this: thisness | this here;
it: the thing | said item; they: those folk | yonder ones; we: us lot | ourselves; his: hisn | his own;
her: hers | the lady's; their: theirs | them's; its: the thing's | its own; but: merely | save;
or: else | otherwise; and: plus | along with; also: likewise | to boot; after: aft | astern;
before: afore | ere; about: astir | roughly; over: o'er | athwart; under: beneath | nether;
up: upward | aloft; out: outward | forth; into: unto | inward to; than: versus | compared;
more: additional | further; most: utmost | uttermost; new: novel | fledgling; said: uttered | voiced;
says: utters | voices; told: apprised | recounted; tell: recount | apprise; year: twelvemonth | annum;
years: twelvemonths | annums; people: folks | populace; government: regime | governance;
minister: parson | curate; ministers: parsons | curates; week: sennight | hebdomad; weeks: sennights;
day: daylight | solar day; days: daylights; time: clip | epoch; times: clips | epochs;
first: foremost | inaugural; last: finale | hindmost; one: unity | ace; police: constabulary | coppers;
court: tribunal | courtyard; company: troupe | outfit; companies: troupes | outfits; market: bazaar | mart;
markets: bazaars | marts; country: nation state | countryside; city: metropolis | burg;
state: province | condition; president: chairperson | presiding officer; leader: chieftain | ringleader;
leaders: chieftains | ringleaders; party: shindig | soiree; vote: ballot | suffrage; law: statute | edict;
laws: statutes | edicts; report: account | dispatch; reports: accounts | dispatches; plan: scheme | blueprint;
plans: schemes | blueprints; money: lucre | dosh; price: toll | fee; prices: tolls | fees;
rate: clip | tempo; rates: tempos | clips; news: tidings; group: bunch | cluster; groups: bunches | clusters;
home: dwelling | abode; house: domicile | homestead; school: schoolhouse | academy; schools: schoolhouses;
children: offspring | younglings; women: females | ladies; men: blokes | fellows; work: toil | labour;
worker: labourer | toiler; workers: labourers | toilers; job: gig | chore; jobs: gigs | chores;
help: assist | succour; make: fashion | forge; made: fashioned | forged; take: seize | grab;
took: seized | grabbed; taken: seized | grabbed; get: acquire | procure; got: acquired | procured;
go: proceed | wend; went: proceeded | wended; come: arrive | approach; came: arrived | approached;
see: behold | espy; saw: beheld | espied; know: ken | wot; knew: kenned; think: reckon | cogitate;
thought: reckoned | cogitation; want: crave | covet; wanted: craved | coveted; use: employ | utilise;
used: employed | utilised; find: discover | unearth; found: discovered | unearthed; give: bestow | grant;
gave: bestowed | granted; show: exhibit | pageant; shows: exhibits | pageants; showed: exhibited;
call: summon | holler; called: summoned | hollered; ask: query | quiz; asked: queried | quizzed;
need: require | want; needs: requires | wants; play: frolic | romp; run: sprint | dash;
move: budge | shift; moved: budged | shifted; live: dwell | reside; lived: dwelt | resided;
believe: deem | trust; believed: deemed | trusted; hold: clutch | grasp; held: clutched | grasped;
bring: fetch | tote; brought: fetched | toted; begin: commence | embark; began: commenced | embarked;
keep: retain | hoard; kept: retained | hoarded; start: commencement | outset; started: commenced;
end: terminus | tail end; ended: terminated | concluded; big: hefty | whopping; large: sizeable | bulky;
small: diminutive | wee; high: lofty | towering; low: humble | squat; long: lengthy | protracted;
good: goodly | fine; great: grand | whopping; important: weighty | momentous; public: populace | communal;
local: indigenous | parochial; national: nationwide | countrywide; major: main | chief;
early: premature | untimely; late: tardy | belated; strong: burly | brawny; hard: arduous | stony;
many: numerous | myriad; much: a lot | heaps; very: exceedingly | awfully; just: simply | merely;
only: solely | lone; still: motionless | even so; even: level | flat; now: presently | forthwith;
then: thereupon | thence; here: hither | herein; there: thither | yonder; when: whenever | once;
where: whereabouts | wherein; why: wherefore | how come; how: in what way | howsoever; all: entirety | every bit;
some: several | certain; any: whatsoever | whichever; other: additional | alternative;
such: suchlike | so; well: wellspring | fountain; back: rear | spine; down: downward | feathers;
way: fashion | manner; part: portion | parcel; place: locale | spot; case: instance | casing;
point: tip | juncture; number: quantity | digit; world: globe | orb; area: region | zone;
family: household | clan; water: aqua | liquid; business: commerce | trade; service: provision | servicing;
power: might | oomph; month: moon | calendar month; months: moons; game: match | bout;
team: squad | crew; season: spell | flavour; official: functionary | bureaucrat; officials: functionaries | bureaucrats;
support: bolster | prop; supported: bolstered | propped; against: versus | counter to; between: betwixt | amidst;
during: amid | throughout; without: sans | lacking; because: as a result of | for; however: nonetheless | howsoever;
although: albeit | whereas; since: whence | seeing; until: till | up to; through: via | thru;
around: roundabout | circa; across: athwart | crosswise; against: versus; among: amongst | amid;
within: inside of | herein; though: tho | albeit; if: supposing | whether; so: thus | ergo;
what: whatever | which; which: whichever | that; who: whom | whoever; who's: whom's;
should: ought | shalt; must: mustiness | shall; might: mightiness | main; did: performed | executed;
do: perform | execute; does: performs | executes; done: performed | executed; been: existed | subsisted;
being: existence | entity; get: procure; become: get | wax; became: waxed | got; seem: appear | look;
seemed: appeared | looked; left: remaining | sinister; right: correct | veracious; put: set | plonk;
set: put | readiness; let: allow | permit; say: utter | voice; made: forged; hit: smack | strike;
cut: slash | gash; rise: ascent | climb; rose: ascended | climbed; fell: savage | tumbled;
fall: autumn | tumble; grow: burgeon | wax; grew: burgeoned | waxed; pay: remuneration | salary;
paid: remunerated | salaried; cost: toll | outlay; costs: tolls | outlays; deal: plenty | bargain;
talks: chats | confabs; meeting: gathering | confab; meetings: gatherings | confabs; decision: determination | verdict;
issue: topic | publication; issues: topics | publications; problem: quandary | snag; problems: quandaries | snags;
question: query | interrogation; questions: queries | interrogations; answer: reply | riposte;
change: alteration | modification; changes: alterations | modifications; level: stratum | tier;
levels: strata | tiers; side: flank | facet; sides: flanks | facets; face: visage | countenance;
head: noggin | pate; hand: mitt | paw; hands: mitts | paws; eyes: peepers | orbs; life: existence | lifespan;
death: demise | expiry; war: warfare | combat; peace: serenity | calm; health: wellness | salubrity;
care: charge | aid; system: scheme | arrangement; program: programme | curriculum; project: undertaking | venture;
community: residential district | commune; region: realm | district; economy: thrift | frugality;
industry: diligence | manufacture; energy: vigour | zip; security: certificate | surety; board: plank | table;
office: agency | bureau; staff: stave | faculty; member: appendage | fellow; members: appendages | fellows;
director: managing director | film maker; chief: boss | foreman; head: noggin; spokesman: mouthpiece | prolocutor;
spokeswoman: mouthpiece; statement: affirmation | assertion; interview: consultation | audience;
percent: per centum; million: meg | zillion; billion: gazillion | jillion; thousand: grand | chiliad;
hundreds: centuries | c-notes; evidence: grounds | testimony; study: survey | den; research: enquiry | inquiry;
result: outcome | upshot; results: outcomes | upshots; reason: cause | intellect; effect: consequence | essence;
information: info | data; data: info | particulars; story: tale | storey; stories: tales | storeys;
event: occurrence | happening; events: occurrences | happenings; election: choice | option; campaign: crusade | effort;
country's: nation state's; city's: metropolis's; company's: troupe's; government's: regime's;
likely: probable | apt; already: previously | antecedently; never: ne'er | nevermore; again: once more | anew;
often: oft | frequently; soon: presently | anon; later: afterwards | subsequently; ago: back | past;
today: nowadays | this day; yesterday: heretofore | the other day; tomorrow: the morrow | mañana;
almost: nigh | well-nigh; enough: adequate | ample; each: apiece | every; every: each | all;
both: either | the two; few: handful | scant; several: respective | divers; own: ain | possess;
next: adjacent | following; same: selfsame | identical; different: dissimilar | diverse; open: unfastened | exposed;
close: shut | nigh; closed: shut | sealed; free: gratis | liberate; full: replete | brimming;
real: substantial | genuine; true: straight | dependable; old: aged | olden; young: youthful | immature;
little: slight | wee; whole: unharmed | entire; clear: cleared | unmortgaged; sure: certain | indisputable;
possible: potential | feasible; able: capable | adequate; best: topper | outdo; better: amend | punter;
top: crown | tiptop; main: briny | chief; key: cay | primal; former: erstwhile | quondam; recent: late | Holocene;
further: farther | foster; following: pursual | chase; known: acknowledged | familiar; given: granted | precondition;
added: supplemental | further; expected: anticipated | awaited; including: admit | counting; according: accordant;
based: establish | ground; called: yclept; asked: enquired; among: amongst; you: thou | ye; your: thy | thine; like: similar to | relish; my: mine | me own; them: those | 'em;
our: ours | us's; these: such | yonder; me: myself | yours truly; online: on-line | wired; those: such | yon;
off: away | murder; going: departure | proceeding; him: that gent | himself; really: truly | actually;
us: ourselves | the lot of us; something: aught | a thing; another: one more | some other; things: matters | stuff;
night: nighttime | eventide; hours: hrs | sixty minutes; too: besides | overly; lot: batch | draw;
reported: conveyed | informed; earlier: sooner | antecedent; less: lesser | fewer; trade: barter | craft;
per: each | a; feel: sense | palpate; using: employing | exploiting; past: yesteryear | bygone; design: blueprint | pattern;
minutes: moments | proceedings; stage: phase | dais; far: distant | remote; second: sec | moment; future: hereafter | futurity;
third: tertiary | tierce; car: motorcar | automobile; coming: upcoming | approaching; whether: if or not | whether or not;
working: functioning | toiling; least: minimal | to the lowest degree; announced: proclaimed | heralded; seen: beheld | viewed;
having: possessing | owning; role: function | persona; available: obtainable | uncommitted; wrote: penned | scribbled;
getting: acquiring | obtaining; current: stream | flow; comes: arrives | approaches; away: aside | forth; order: club | fiat;
man: gent | human being; always: ever | constantly; along: on | beside; potential: possible | likely; media: mass media | medium;
focus: centre | focal point; single: individual | lone; thing: matter | affair; risk: danger | hazard; half: one-half | moiety;
building: edifice | construction; needed: necessitated | required; trying: attempting | arduous; share: portion | apportion;
making: devising | fashioning; looking: appearing | gazing; fact: reality | actuality; body: torso | physical structure;
once: formerly | erst; lost: mislaid | forfeited; longer: lengthier | yearn; offer: proffer | tender; love: adore | dearest;
food: nutrient | grub; yet: til now | withal; doing: performing | execution; fight: brawl | scuffle; launch: plunge | found;
services: servicings | provisions; ever: e'er | always; control: command | mastery; look: peek | glance; led: guided | steered;
bit: morsel | scrap; released: discharged | freed; taking: seizing | grabbing; room: chamber | elbow room; build: erect | physique;
instead: rather | in lieu; light: lightweight | luminosity; surface: facade | exterior; experience: feel | go through;
reduce: abridge | curtail; features: lineaments | characteristics; list: roster | heel; phone: telephone | speech sound;
council: conclave | assembly; version: rendition | translation; front: forepart | movement; average: mean | norm;
increase: addition | gain; products: merchandises | ware; similar: alike | kindred; win: succeed | profits; points: tips | spots;
short: brief | curt; political: governmental | partisan; approach: coming | overture; means: way | agency; test: trial | trial run;
nearly: almost | close to; space: blank | distance; published: issued | printed; together: collectively | jointly;
buy: purchase | grease one's palms; worth: value | merit; friends: pals | chums; lower: depress | humbler; social: societal | sociable;
behind: slow | bum; makes: crafts | fashions; leave: depart | furlough; won: triumphed | gained; anything: aught | whatsoever;
residents: occupants | dwellers; person: individual | soul; agency: bureau | bureau of; above: supra | overhead; higher: loftier | taller;
course: class | path; model: poser | mannequin; technology: engineering science | tech; success: achiever | winner; users: exploiters | consumers;
easy: effortless | light; line: queue | wrinkle; include: admit | incorporate; someone: person | soul; growth: maturation | outgrowth;
latest: up-to-the-minute | recent; anyone: anybody | whoever; customers: clients | patrons; saying: expression | byword; stop: halt | cease;
near: nigh | approximate; provide: furnish | supply; strike: smite | bang; charge: accusation | bearing; production: yield | output;
matter: affair | substance; series: serial | succession; policy: insurance | plan of action; tried: tested | attempted; spent: exhausted | expended;
told: recounted; news: tidings; report: dispatch
"""


def _parse(raw: str) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for item in raw.replace("\n", " ").split(";"):
        item = item.strip()
        if not item or ":" not in item:
            continue
        word, _, repl = item.partition(":")
        word = word.strip().lower()
        options = tuple(r.strip() for r in repl.split("|") if r.strip())
        if word and options:
            table.setdefault(word, options)
    return table


SPIN_TABLE: dict[str, tuple[str, ...]] = _parse(_RAW)
