//! Stop words: the function words that carry no content of their own.
//!
//! One sorted list per language with a stemmer: articles, pronouns, auxiliaries
//! (with their inflected forms), prepositions, conjunctions and common adverbs,
//! in the spirit of the Snowball stop lists. English also drops the reporting
//! and filler words of news prose ("said", "also", "would", "mr", ...).
//!
//! Words arrive lower-cased with curly apostrophes straightened, after the
//! tokenizer has cut elided articles (`l'homme` → `homme`) and possessives; the
//! elided forms it leaves whole (`qu'il`, `d'un`, `c'è`, `don't`) are listed.
//! Chinese and Japanese are absent: they are tokenized into character bigrams,
//! which never reach the stop list.

use super::Language;
use crate::tokenize::Hashed;

/// The languages with a stop list, in the order of their bits in
/// `detect::Hit::stop` (and of their candidates in detection).
pub(super) const LISTED: [Language; 8] = [
    Language::English,
    Language::German,
    Language::French,
    Language::Spanish,
    Language::Italian,
    Language::Portuguese,
    Language::Dutch,
    Language::Russian,
];

/// The stop lists that have `word` (already lower-cased), a bit per language
/// of [`LISTED`] ([`stop_list_bit`]): one lookup answers for every language.
///
/// Looked up in the language detector's table, which holds every stop word
/// with the set of lists that have it: a hash lookup is 4-8 times faster than
/// a binary search of the sorted list (and about twice as fast as a `match`
/// on the strings, which also bloats the code).
pub(crate) fn stop_lists(word: &[u8]) -> u8 {
    word_lists(word).stop
}

/// The lists that hold a word (already lower-cased), from one lookup.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct WordLists {
    /// Its stop lists, as [`stop_lists`] gives them.
    pub stop: u8,
    /// The entity recognizer's lists: bits of `entities::ENTITY_LISTS`.
    pub entity: u8,
}

/// [`WordLists`] of `word` (already lower-cased).
pub(crate) fn word_lists(word: &[u8]) -> WordLists {
    lists_of(super::detect::entry(word))
}

/// [`word_lists`] of a word whose hash the caller has.
pub(crate) fn word_lists_hashed(word: &[u8], hashed: Hashed) -> WordLists {
    lists_of(super::detect::entry_hashed(word, hashed))
}

fn lists_of(hit: Option<super::detect::Hit>) -> WordLists {
    hit.map_or(WordLists::default(), |hit| WordLists {
        stop: hit.stop,
        entity: hit.entity,
    })
}

/// Whether `word` (already lower-cased) is a stop word in `language`: the
/// question the tests ask; the pipeline asks [`stop_lists`] once for all.
#[cfg(test)]
pub(crate) fn is_stop_word(language: Language, word: &str) -> bool {
    stop_lists(word.as_bytes()) & stop_list_bit(language) != 0
}

/// `language`'s bit in [`stop_lists`]; 0 for a language without a stop list.
pub(crate) fn stop_list_bit(language: Language) -> u8 {
    LISTED
        .iter()
        .position(|&l| l == language)
        .map_or(0, |at| 1 << at)
}

/// The stop lists of [`LISTED`], packed (see [`packed!`]): [`unpack`] gives
/// each sorted list. Unpacked once, by the word table of the language
/// detector (which is built once): no lazily built copy of its own.
pub(super) fn packed_lists() -> [&'static [u8]; 8] {
    [
        packed!(ENGLISH),
        packed!(GERMAN),
        packed!(FRENCH),
        packed!(SPANISH),
        packed!(ITALIAN),
        packed!(PORTUGUESE),
        packed!(DUTCH),
        packed!(RUSSIAN),
    ]
}

/// A sorted list of words separated by spaces, front-coded at compile time:
/// each word becomes a byte below 0x20, the length of the prefix it shares with
/// the word before, then the rest of it. The word lists gzip a third smaller
/// so (6.2 KB of stop words down to 4.4 KB); [`unpack`] restores the list.
/// `packed!(LIST)` is a `&'static [u8]`; `LIST` must be a constant.
macro_rules! packed {
    ($list:expr) => {{
        const PACKED: [u8; $crate::lang::stopwords::packed_len($list)] =
            $crate::lang::stopwords::pack($list);
        &PACKED
    }};
}
pub(crate) use packed;

/// The longest prefix a packed word takes from the word before.
const MAX_SHARED: usize = 0x1F;

/// The words of `list` (separated by ASCII spaces) as `(start, end)` pairs,
/// one at a time: `next_word(list, at)` is the first word at or after `at`.
const fn next_word(list: &[u8], mut at: usize) -> Option<(usize, usize)> {
    while at < list.len() && list[at] == b' ' {
        at += 1;
    }
    if at == list.len() {
        return None;
    }
    let start = at;
    while at < list.len() && list[at] != b' ' {
        at += 1;
    }
    Some((start, at))
}

/// How many bytes the word at `start..end` shares with the one at `previous`.
const fn shared(list: &[u8], previous: (usize, usize), start: usize, end: usize) -> usize {
    let mut n = 0;
    while n < MAX_SHARED
        && previous.0 + n < previous.1
        && start + n < end
        && list[previous.0 + n] == list[start + n]
    {
        n += 1;
    }
    n
}

/// The length of `list` packed.
pub(crate) const fn packed_len(list: &str) -> usize {
    let list = list.as_bytes();
    let (mut len, mut previous, mut at) = (0, (0, 0), 0);
    while let Some((start, end)) = next_word(list, at) {
        len += 1 + end - start - shared(list, previous, start, end);
        previous = (start, end);
        at = end;
    }
    len
}

/// `list` packed (see [`packed!`]); `N` is its [`packed_len`].
pub(crate) const fn pack<const N: usize>(list: &str) -> [u8; N] {
    let list = list.as_bytes();
    let mut packed = [0u8; N];
    let (mut len, mut previous, mut at) = (0, (0, 0), 0);
    while let Some((start, end)) = next_word(list, at) {
        let n = shared(list, previous, start, end);
        packed[len] = n as u8;
        len += 1;
        let mut i = start + n;
        while i < end {
            assert!(list[i] >= 0x20, "a control byte in a word list");
            packed[len] = list[i];
            len += 1;
            i += 1;
        }
        previous = (start, end);
        at = end;
    }
    packed
}

/// The list `packed` came from, words separated by single spaces. Called once
/// per list, when a table is built: the text lives as long as the program.
/// As bytes: the lists' words are keys, and checking them as UTF-8 kept
/// `from_utf8` in the wasm for this alone (with the segmenter's and the
/// recognizer's lower-casing, 0.4 KB gzipped).
pub(crate) fn unpack(packed: &[u8]) -> &'static [u8] {
    let mut words: Vec<u8> = Vec::with_capacity(2 * packed.len());
    let mut previous = 0;
    for &byte in packed {
        if usize::from(byte) <= MAX_SHARED {
            let start = if words.is_empty() {
                0
            } else {
                words.push(b' ');
                words.len()
            };
            words.extend_from_within(previous..previous + usize::from(byte));
            previous = start;
        } else {
            words.push(byte);
        }
    }
    Box::leak(words.into_boxed_slice())
}

// Every list is sorted by bytes (so that it reads like a dictionary and
// repeats show up), deduplicated and lower-case; the tests below check all
// three. A list is one string of words separated by spaces, not an array of
// strings: that saves 8 bytes of pointer and length per word (20 KB of wasm);
// only its packed form (see `packed!`) is in the binary.

#[rustfmt::skip]
const ENGLISH: &str = "\
    a about above according across after afterwards again against ago ain't all almost along \
    already also although always am among amongst an and another any anybody anyone anything \
    anyway anywhere are aren't around as at be became because become becomes been before \
    beforehand behind being below beside besides between beyond both but by can can't cannot could \
    couldn't did didn't do does doesn't doing don't done down dr during each either else elsewhere \
    enough etc even ever every everybody everyone everything everywhere few for from further \
    furthermore had hadn't has hasn't have haven't having he he'd he'll he's hence her here here's \
    hereby herein hers herself him himself his how how's however i i'd i'll i'm i've if in \
    including indeed instead into is isn't it it'd it'll it's its itself just least less let's \
    many may maybe me meanwhile might mightn't mine more moreover most mostly mr mrs ms much must \
    mustn't my myself namely needn't neither never nevertheless no nobody none nor not nothing now \
    nowhere of off often on once one ones only onto or other others otherwise ought our ours \
    ourselves out over own per perhaps prof quite rather really said same say says several shall shan't \
    she she'd she'll she's should shouldn't since so some somebody someone something sometimes \
    somewhat somewhere still such than that that'd that'll that's the their theirs them themselves \
    then thence there there'd there'll there're there's thereafter thereby therefore therein \
    thereof these they they'd they'll they're they've this those though through throughout thus to \
    together told too toward towards under unless unlike until up upon us very via was wasn't we \
    we'd we'll we're we've were weren't what what's whatever when when's whence whenever where \
    where's whereas whereby wherein whether which whichever while who who's whoever whom whose why \
    why's will with within without won't would wouldn't yet you you'd you'll you're you've your \
    yours yourself yourselves";

#[rustfmt::skip]
const GERMAN: &str = "\
    ab aber alle allem allen aller allerdings alles als also am an ander andere anderem anderen \
    anderer anderes anderm andern anders ans anstatt auch auf aufgrund aufs aus außer außerdem bei \
    beide beiden beim beispielsweise bereits besonders bin bis bisher bist bzw da dabei dadurch \
    dafür dagegen daher dahin damit danach dann daran darauf daraus darf darfst darin darum \
    darunter darüber das dass davon davor dazu daß dein deine deinem deinen deiner deines dem \
    demselben den denen denn dennoch denselben der deren derer derselbe derselben des deshalb \
    desselben dessen dich die dies diese dieselbe dieselben diesem diesen dieser dieses dir doch \
    dort du durch durchs dürfen eben ebenfalls ebenso ein eine einem einen einer eines einig \
    einige einigem einigen einiger einiges einmal er erklärte erst es etwa etwas euch euer eure eurem euren \
    eurer eures für fürs gegen gegenüber gewesen ggf gibt hab habe haben habt hast hat hatte \
    hatten hattest hier hin hinter hätte hätten ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres \
    im immer in indem innerhalb ins insbesondere inzwischen ist ja je jede jedem jeden jeder jedes \
    jedoch jemand jene jenem jenen jener jenes jetzt kann kannst kaum kein keine keinem keinen \
    keiner keines konnte konnten könne können könnt könnte könnten laut man manche manchem manchen \
    mancher manches mehr mehrere mein meine meinem meinen meiner meines mich mir mit muss musst \
    musste mussten muß möchte möchten müssen müsste nach nachdem neben nicht nichts noch nun nur \
    ob obwohl oder oft ohne sagt sagte schon sehr sei seid seien sein seine seinem seinen seiner seines seit \
    selbst sich sie sind so sobald sodass sogar solange solche solchem solchen solcher solches \
    soll sollen sollte sollten sondern sonst soviel soweit sowie sowohl später statt trotz um und \
    uns unser unsere unserem unseren unserer unseres unter usw viel viele vielen vielleicht vom \
    von vor wann war waren warst warum was weg wegen weil weiter weitere weiteren weiterer \
    weiteres welche welchem welchen welcher welches wem wen wenn wer werde werden werdet wessen \
    wie wieder will wir wird wirst wo wobei wodurch woher wohin wollen wollte wollten worden wurde \
    wurden während wäre wären würde würden zu zudem zum zunächst zur zwar zwischen über";

#[rustfmt::skip]
const FRENCH: &str = "\
    a affirmé afin ai aie aient aies ailleurs ainsi ait alors après as au aucun aucune auquel aura aurai \
    auraient aurais aurait auras aurez auriez aurions aurons auront aussi autre autres aux \
    auxquelles auxquels avaient avais avait avant avec avez aviez avions avoir avons ayant ayante \
    ayantes ayants ayez ayons beaucoup bien c c'est c'était car ce ceci cela celle celles celui \
    cependant certaines certains ces cet cette ceux chaque chez comme comment contre d d'où d'un \
    dans de depuis derrière des desquelles desquels dessous dessus devant dit donc dont du duquel \
    durant déclaré déjà elle elles en encore entre es est et eu eue eues eurent eus eusse eussent eusses \
    eussiez eussions eut eux eûmes eût eûtes furent fus fusse fussent fusses fussiez fussions fut \
    fûmes fût fûtes ici il ils j j'ai je jusqu jusqu'au jusqu'aux jusqu'à l l'a l'on l'un l'une la \
    laquelle le lequel les lesquelles lesquels leur leurs lors lorsqu lorsqu'elle lorsqu'il \
    lorsqu'on lorsque lui là m m'a ma mais malgré me mes moi moins mon même mêmes n n'a n'ai n'en \
    n'est n'y ne ni non nos notamment notre nous on ont or ou où par parce parmi pas pendant peu \
    peut peuvent plus plusieurs pour pourquoi pourrait pourtant près puis puisqu puisqu'elle \
    puisqu'il puisque qu qu'en qu'il qu'ils qu'on qu'un qu'une qu'à quand quant que quel quelle \
    quelles quelque quelques quels qui quoi s s'en s'est s'il s'ils sa sans se selon sera serai \
    seraient serais serait seras serez seriez serions serons seront ses si sien sienne soi soient \
    sois soit sommes son sont sous soyez soyons suis sur t t'a ta tandis tant te tel telle telles \
    tels tes toi ton toujours tous tout toute toutes très tu un une va vers via voici voilà vont \
    vos votre vous y à ça également étaient étais était étant étante étantes étants étiez étions \
    été étée étées étés êtes être";

#[rustfmt::skip]
const SPANISH: &str = "\
    a además afirmó ahí al algo alguna algunas alguno algunos allí ante antes aquel aquella aquellas \
    aquellos aquí así aun aunque aún bajo bien cada casi como con contra cual cuales cuando cuanta \
    cuantas cuanto cuantos cuya cuyas cuyo cuyos cuál cuáles cuándo cuánta cuántas cuánto cuántos \
    cómo de del desde dijo donde durante dónde e el ella ellas ello ellos en entonces entre era erais \
    eran eras eres es esa esas ese eso esos esta estaba estabais estaban estabas estad estamos \
    estando estar estaremos estará estarán estarás estaré estaréis estaría estaríais estaríamos \
    estarían estarías estas este estemos esto estos estoy estuve estuviera estuvierais estuvieran \
    estuvieras estuvieron estuviese estuvieseis estuviesen estuvieses estuvimos estuviste \
    estuvisteis estuviéramos estuviésemos estuvo está estábamos estáis están estás esté estéis \
    estén estés fue fuera fuerais fueran fueras fueron fuese fueseis fuesen fueses fui fuimos \
    fuiste fuisteis fuéramos fuésemos ha haber habida habidas habido habidos habiendo habremos \
    habrá habrán habrás habré habréis habría habríais habríamos habrían habrías habéis había \
    habíais habíamos habían habías hacia han has hasta hay haya hayamos hayan hayas hayáis he \
    hemos hube hubiera hubierais hubieran hubieras hubieron hubiese hubieseis hubiesen hubieses \
    hubimos hubiste hubisteis hubiéramos hubiésemos hubo la las le les lo los luego me mi mientras \
    mis misma mismas mismo mismos mucho muchos muy más mí mía mías mío míos nada ni ninguna \
    ninguno ningún no nos nosotras nosotros nuestra nuestras nuestro nuestros nunca o os otra \
    otras otro otros para pero poco podría por porque puede pueden pues que quien quienes quién \
    quiénes qué se sea seamos sean seas según ser seremos será serán serás seré seréis sería seríais \
    seríamos serían serías seáis si sido siempre siendo sin sino sobre sois solo somos son soy su \
    sus suya suyas suyo suyos sí sólo también tampoco tan tanto te tendremos tendrá tendrán \
    tendrás tendré tendréis tendría tendríais tendríamos tendrían tendrías tened tenemos tenga \
    tengamos tengan tengas tengo tengáis tenida tenidas tenido tenidos teniendo tenéis tenía \
    teníais teníamos tenían tenías ti tiene tienen tienes todas todavía todo todos tras tu tus \
    tuve tuviera tuvierais tuvieran tuvieras tuvieron tuviese tuvieseis tuviesen tuvieses tuvimos \
    tuviste tuvisteis tuviéramos tuviésemos tuvo tuya tuyas tuyo tuyos tú un una unas uno unos \
    varias varios vosotras vosotros vuestra vuestras vuestro vuestros y ya yo él";

#[rustfmt::skip]
const ITALIAN: &str = "\
    a abbia abbiamo abbiano abbiate ad adesso agl agli ai al all alla alle allo allora altra altre \
    altri altro anch'io anche ancora avemmo avendo avere avesse avessero avessi avessimo aveste \
    avesti avete aveva avevamo avevano avevate avevi avevo avrai avranno avrebbe avrebbero avrei \
    avremmo avremo avreste avresti avrete avrà avrò avuta avute avuti avuto c c'era c'è che chi ci \
    cioè circa ciò coi col com'è come con contro cos'è così cui da dagl dagli dai dal dall dalla \
    dalle dallo degl degli dei del dell della delle dello dentro detto deve devono di dichiarato dopo dov'è dove \
    dunque durante e ebbe ebbero ebbi ecc ed egli ella era erano eravamo eravate eri ero essa esse \
    essendo essere essi esso fa faccia facciamo facciano facciate faccio facemmo facendo facesse \
    facessero facessi facessimo faceste facesti faceva facevamo facevano facevate facevi facevo \
    fai fanno farai faranno farebbe farebbero farei faremmo faremo fareste faresti farete farà \
    farò fece fecero feci fino fosse fossero fossi fossimo foste fosti fra fu fui fummo furono già \
    gli ha hai hanno ho i il in infatti inoltre invece io l l'ha la le lei li lo loro lui ma mai \
    me mentre mi mia mie miei mio molta molte molti molto ne negl negli nei nel nell nella nelle \
    nello nessuna nessuno noi non nostra nostre nostri nostro né o ogni oltre oppure per perché \
    però più po poi poiché potrebbe prima proprio può qua qualche quale quali quando quanta quante \
    quanti quanto quasi quella quelle quelli quello questa queste questi questo qui sarai saranno \
    sarebbe sarebbero sarei saremmo saremo sareste saresti sarete sarà sarò se secondo sei senza si sia \
    siamo siano siate siete sono sopra sotto sta stai stando stanno starai staranno starebbe \
    starebbero starei staremmo staremo stareste staresti starete starà starò stava stavamo stavano \
    stavate stavi stavo stemmo stessa stesse stessero stessi stessimo stesso steste stesti stette \
    stettero stetti stia stiamo stiano stiate sto su sua sue sugl sugli sui sul sull sulla sulle \
    sullo suo suoi tale tali tanto te ti tra tu tua tue tuo tuoi tutta tuttavia tutte tutti tutto \
    un una uno verso vi voi vostra vostre vostri vostro è";

#[rustfmt::skip]
const PORTUGUESE: &str = "\
    a afirmou ainda algum alguma algumas alguns ali antes ao aos apenas após aquela aquelas aquele aqueles \
    aqui aquilo as assim até bem cada com como contra contudo cuja cujas cujo cujos da daquela \
    daquele das de dela delas dele deles depois desde dessa dessas desse desses desta destas deste \
    destes disse disso disto do dos durante e ela elas ele eles em embora enquanto entre era eram essa \
    essas esse esses esta estamos estas estava estavam este esteja estejam estejamos estes esteve \
    estive estivemos estiver estivera estiveram estiverem estivermos estivesse estivessem \
    estivéramos estivéssemos estou está estávamos estão eu foi fomos for fora foram forem formos \
    fosse fossem fui fôramos fôssemos haja hajam hajamos havemos haver hei houve houvemos houver \
    houvera houveram houverei houverem houveremos houveria houveriam houvermos houverá houverão \
    houveríamos houvesse houvessem houvéramos houvéssemos há hão isso isto já lhe lhes lá mais mas \
    me mesma mesmas mesmo mesmos meu meus minha minhas muita muitas muito muitos na nas nem nenhum \
    nenhuma nessa nesse nesta neste nisso no nos nossa nossas nosso nossos num numa nunca não nós \
    o onde os ou outra outras outro outros para pela pelas pelo pelos perante pode podem pois por \
    porque porém qual quando que quem se segundo seja sejam sejamos sem sempre ser serei seremos seria \
    seriam será serão seríamos seu seus sob sobre somos sou sua suas são só também tampouco tanto \
    te tem temos tenha tenham tenhamos tenho ter terei teremos teria teriam terá terão teríamos \
    teu teus teve tinha tinham tive tivemos tiver tivera tiveram tiverem tivermos tivesse tivessem \
    tivéramos tivéssemos toda todas todo todos tu tua tuas tão tém tínhamos um uma umas uns você \
    vocês vos à às é éramos";

#[rustfmt::skip]
const DUTCH: &str = "\
    aan al aldus alle alleen alles als altijd andere beide ben bij binnen bovendien daar daarbij \
    daardoor daarmee daarna daarom daarvan dan dat de deze dezelfde die dit doch doen door dus \
    echter een eens elk elke en enkele er erg ergens even ge geen geweest geworden haar had hadden \
    heb hebben hebt heeft hem hen het hetzelfde hier hierbij hierdoor hij hoe hoewel hun ieder \
    iedere iedereen iemand iets ik in indien is ja je jij jou jouw jullie kan kon konden kunnen \
    kunt maar mag me meer men met mij mijn moest moet moeten mogen na naar nadat niemand niet \
    niets noch nog nu of om omdat ondanks onder ons onze ook op over pas per reeds sinds sommige \
    steeds te tegen terwijl tijdens toch toen tot tussen u uit uw van vanaf veel via volgens voor \
    vooral waar waarbij waarin waarmee waarom waarop waarvan wanneer want waren was wat we weer \
    wel welk welke werd werden wezen wie wij wil wilde worden wordt zal ze zegt zei zelf zelfs zich zij \
    zijn zo zo'n zoals zodat zonder zou zouden zowel zulke zullen zult";

#[rustfmt::skip]
const RUSSIAN: &str = "\
    а без более больше будем будет будете будешь будто буду будут бы был была были было быть в вам \
    вами вас ваш ваша ваше вашего вашей ваши ваших вдруг ведь весь во вот впрочем все всегда всего \
    всей всем всеми всему всех всю вся всё вы где да даже для до другая другие других другое \
    другой его ее ей ему если есть еще ещё её ж же за зачем здесь и из или им ими иногда их к как \
    какая какие каким каких какое какой какую ко когда кого кому конечно которая которого которое \
    которой котором которому которую которые который которым которыми которых кто куда ли либо \
    лишь между меня мне много мной мною мое моего моей может можно мои моих мой моя моё мы на над \
    надо наконец нам нами нас наш наша наше нашего нашей наши наших не него нее нельзя нем нет неё \
    ни нибудь никогда ним ними них ничего но ну нём о об обо один однако он она они оно опять от \
    ото очень перед по под пока после потом потому почему почти поэтому при про раз разве с сам \
    сама сами самим само самого самой свое своего своей своем своему свои своим своими своих свой \
    свою своя своё своём себе себя сейчас со собой совсем так такая также такие такое такой там \
    твое твой твоя твоё те тебе тебя тем теми теперь тех то тобой тогда того тоже той только том \
    тот ту тут ты у уж уже хоть хотя чего чем через что чтоб чтобы чуть чём эта эти этим этих это \
    этого этой этом этому этот эту я является являются";

#[cfg(test)]
mod tests {
    use super::*;

    /// [`unpack`] as text.
    fn unpack_str(packed: &[u8]) -> &'static str {
        std::str::from_utf8(unpack(packed)).unwrap()
    }

    #[test]
    fn lists_are_sorted_unique_and_lower_case() {
        for (language, packed) in LISTED.into_iter().zip(packed_lists()) {
            let list: Vec<&str> = unpack_str(packed).split_ascii_whitespace().collect();
            for pair in list.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{language:?}: {:?} must come before {:?} (sorted, no duplicates)",
                    pair[1],
                    pair[0]
                );
            }
            for word in list {
                assert_eq!(
                    word,
                    word.to_lowercase(),
                    "{language:?}: {word:?} not lower-case"
                );
                assert!(
                    !word.is_empty() && !word.contains(char::is_whitespace),
                    "{language:?}: {word:?}"
                );
                assert!(
                    !word.contains('\u{2019}'),
                    "{language:?}: {word:?} has a curly apostrophe"
                );
            }
        }
    }

    #[test]
    fn packing_round_trips() {
        for list in [
            ENGLISH, GERMAN, FRENCH, SPANISH, ITALIAN, PORTUGUESE, DUTCH, RUSSIAN,
        ] {
            let words: Vec<&str> = list.split_ascii_whitespace().collect();
            let packed = pack::<{ 64 * 1024 }>(list);
            let packed = &packed[..packed_len(list)];
            assert!(packed.len() < list.len());
            assert_eq!(unpack_str(packed), words.join(" "));
        }
        assert_eq!(unpack_str(packed!("ab abc abd b")), "ab abc abd b");
        assert_eq!(unpack_str(packed!("")), "");
        assert_eq!(packed!("ab abc abd b"), b"\x00ab\x02c\x02d\x00b");
    }

    /// The stop list of `language`, sorted (empty where there is none).
    fn list(language: Language) -> Vec<&'static str> {
        match LISTED.iter().position(|&l| l == language) {
            Some(at) => unpack_str(packed_lists()[at])
                .split_ascii_whitespace()
                .collect(),
            None => Vec::new(),
        }
    }

    #[test]
    fn every_list_finds_every_word() {
        for language in Language::ALL {
            for word in list(language) {
                assert!(is_stop_word(language, word), "{language:?}: {word:?}");
            }
            let listed = LISTED.contains(&language);
            assert_eq!(listed, !list(language).is_empty(), "{language:?}");
        }
        // A word of one list is no stop word of another just for being indexed.
        assert!(is_stop_word(Language::German, "die"));
        assert!(!is_stop_word(Language::English, "die"));
        assert!(!is_stop_word(Language::Dutch, "und"));
    }

    #[test]
    fn stop_words_per_language() {
        use Language::*;
        let cases: &[(&str, Language, &[&str], &[&str])] = &[
            (
                "English",
                English,
                &[
                    "the", "and", "of", "said", "says", "also", "would", "could", "one", "mr",
                    "mrs", "don't", "it's", "they're", "i",
                ],
                &["summit", "weather", "running", "beijing", "", "The"],
            ),
            (
                "German",
                German,
                &[
                    "der", "die", "das", "und", "nicht", "über", "während", "dass", "daß", "würde",
                    "können",
                ],
                &["haus", "regierung", "bundeskanzler"],
            ),
            (
                "French",
                French,
                &[
                    "le", "la", "les", "de", "et", "qui", "était", "été", "à", "où", "qu'il",
                    "d'un", "jusqu'à", "c", "l",
                ],
                &["maison", "gouvernement", "homme"],
            ),
            (
                "Spanish",
                Spanish,
                &[
                    "el", "la", "de", "que", "y", "está", "también", "más", "hubiera", "él",
                ],
                &["casa", "gobierno", "estados"],
            ),
            (
                "Italian",
                Italian,
                &[
                    "il", "di", "che", "è", "perché", "più", "della", "c'è", "sarebbe", "gli",
                ],
                &["casa", "governo"],
            ),
            (
                "Portuguese",
                Portuguese,
                &[
                    "o", "de", "não", "é", "também", "você", "estão", "pelo", "à",
                ],
                &["casa", "governo"],
            ),
            (
                "Dutch",
                Dutch,
                &[
                    "de", "het", "een", "en", "van", "niet", "zijn", "wordt", "ze", "zo'n",
                ],
                &["huis", "regering"],
            ),
            (
                "Russian",
                Russian,
                &[
                    "и",
                    "в",
                    "не",
                    "что",
                    "это",
                    "она",
                    "её",
                    "ее",
                    "ещё",
                    "еще",
                    "который",
                    "также",
                ],
                &["дом", "правительство", "москва"],
            ),
        ];
        for (name, language, stop, content) in cases {
            for word in *stop {
                assert!(
                    is_stop_word(*language, word),
                    "{name}: {word:?} should be a stop word"
                );
            }
            for word in *content {
                assert!(
                    !is_stop_word(*language, word),
                    "{name}: {word:?} should not be a stop word"
                );
            }
        }
        for language in [Chinese, Japanese, Korean, Other] {
            assert!(!is_stop_word(language, "the"), "{language:?}");
            assert!(!is_stop_word(language, "我们"), "{language:?}");
        }
    }
}
