//! Abbreviations that end in a period without (necessarily) ending the sentence.
//!
//! Keys are lower-case, without the final period; multi-part abbreviations keep
//! their inner periods and drop spaces ("z. B." is `z.b`). Each list is sorted
//! by bytes, so that it reads like a dictionary (a unit test checks the order).
//!
//! Months and weekdays are [`Abbrev::Numeric`]: "Jan. 5" continues, but many of
//! them are also words ("mar", "sun"), so before anything else they are words.

use super::stopwords::{packed, unpack};
use super::Language;
use crate::segment::Abbrev;
use Abbrev::{EndLikely, Final, Medial, Numeric, Title};

/// How `word` behaves as an abbreviation in `language`, or `None` if it isn't one.
///
/// `word` is the text before the period, lower-cased, inner periods kept and
/// spaces dropped (`"u.s"`, `"p.ex"`). The language's own table wins; the
/// universal one (titles, Latin and business abbreviations) is always consulted.
/// Texts of unknown language consult every table, their own entries first.
pub(crate) fn is_abbreviation(language: Language, word: &[u8]) -> Option<Abbrev> {
    let tables: &[usize] = match language {
        Language::English => &[EN, ANY],
        Language::German => &[DE, ANY],
        Language::French => &[FR, ANY],
        Language::Spanish => &[ES, ANY],
        Language::Italian => &[IT, ANY],
        Language::Portuguese => &[PT, ANY],
        Language::Dutch => &[NL, ANY],
        Language::Russian => &[RU, MORE, ANY],
        // Latin-script words inside CJK text are mostly English.
        Language::Chinese | Language::Japanese | Language::Korean => &[EN, ANY],
        Language::Other => &[MORE, EN, DE, FR, ES, IT, PT, NL, RU, ANY],
    };
    let kinds = index_entry(word);
    tables.iter().find_map(|&t| {
        KINDS
            .get(((kinds >> (BITS * t)) & 7) as usize)
            .copied()
            .flatten()
    })
}

/// One language's abbreviations by kind, each a sorted list of keys separated
/// by spaces (one string rather than an array of strings: 8 bytes less of
/// pointer and length per key in the wasm).
struct Table {
    title: &'static str,
    medial: &'static str,
    numeric: &'static str,
    final_: &'static str,
    end_likely: &'static str,
}

impl Table {
    /// The keys of each kind.
    fn lists(&self) -> [(&'static str, Abbrev); 5] {
        [
            (self.title, Title),
            (self.medial, Medial),
            (self.numeric, Numeric),
            (self.final_, Final),
            (self.end_likely, EndLikely),
        ]
    }

    /// Every key with its kind.
    #[cfg(test)]
    fn entries(&self) -> impl Iterator<Item = (&'static str, Abbrev)> {
        self.lists()
            .into_iter()
            .flat_map(|(keys, kind)| keys.split_ascii_whitespace().map(move |key| (key, kind)))
    }
}

/// Whether `word` (lower-cased) is in [`STARTERS`]: words that typically open
/// a sentence. Answered by the abbreviation index, where the word has its own
/// bit: one string and one table instead of a sorted array of 425 `&str`
/// (3.4 KB of pointers and lengths in the wasm).
pub(crate) fn is_sentence_starter(word: &[u8]) -> bool {
    index_entry(word) & STARTER != 0
}

/// Whether `word` (lower-cased) is in [`REFERENCES_TITLES`]. Answered by
/// the abbreviation index, like [`is_sentence_starter`].
pub(crate) fn is_references_title(word: &[u8]) -> bool {
    index_entry(word) & REFERENCES_TITLE != 0
}

/// The titles of a list of references, one word each, as papers, theses and
/// encyclopedias write them in the languages abridge knows (sorted by bytes).
/// Only the packed form is in the binary (see `stopwords::packed!`).
const REFERENCES_TITLES: &str = "\
    bibliografia bibliografía bibliographie bibliography einzelnachweise literatur \
    literaturverzeichnis literatuur quellen references referencias referenties referências \
    riferimenti références литература 参考文献 참고문헌";

/// Bits per table in an index entry: 0 for absent, else 1 + the kind's place in `KINDS`.
const BITS: usize = 3;
const KINDS: [Option<Abbrev>; 6] = [
    None,
    Some(Title),
    Some(Medial),
    Some(Numeric),
    Some(Final),
    Some(EndLikely),
];

/// The index bits of a sentence starter and of a references title, above the
/// tables' bits.
const STARTER: u32 = 1 << 31;
const REFERENCES_TITLE: u32 = 1 << 30;
const _: () = assert!(BITS * TABLES.len() <= 30);

// Indices into `TABLES`.
const ANY: usize = 0;
const EN: usize = 1;
const DE: usize = 2;
const FR: usize = 3;
const ES: usize = 4;
const IT: usize = 5;
const PT: usize = 6;
const NL: usize = 7;
const RU: usize = 8;
const MORE: usize = 9;

/// Every table; `is_abbreviation` refers to them by index.
const TABLES: [&Table; 10] = [
    &UNIVERSAL,
    &ENGLISH,
    &GERMAN,
    &FRENCH,
    &SPANISH,
    &ITALIAN,
    &PORTUGUESE,
    &DUTCH,
    &RUSSIAN,
    &OTHER,
];

/// The index entry of `word`: its kind in each table, `BITS` bits per table,
/// and [`STARTER`]; 0 for other words. The index lives in the language
/// detector's word table, so one hash lookup answers every table at once.
fn index_entry(word: &[u8]) -> u32 {
    super::detect::entry(word).map_or(0, |hit| hit.abbreviation)
}

/// Calls `add` with every key and its index entry (a key may come more than
/// once: the entries are to be or-ed together). Plain loops rather than an
/// iterator: chained `flat_map`s cost 1 KB of wasm.
pub(super) fn index_entries(mut add: impl FnMut(&'static [u8], u32)) {
    for (t, table) in TABLES.iter().enumerate() {
        for (keys, kind) in table.lists() {
            let code = KINDS.iter().position(|&k| k == Some(kind)).unwrap_or(0) as u32;
            for key in keys.split_ascii_whitespace() {
                add(key.as_bytes(), code << (BITS * t));
            }
        }
    }
    for (list, bit) in [
        (packed!(STARTERS).as_slice(), STARTER),
        (packed!(REFERENCES_TITLES), REFERENCES_TITLE),
    ] {
        for word in unpack(list).split(|&b| b == b' ') {
            add(word, bit);
        }
    }
}

const UNIVERSAL: Table = Table {
    title: "\
        adm capt cmdr col dr drs gen gov hon insp lt maj messrs mgr mlle mme mmes mr mrs ms pres \
        prof rep rev sen sgt supt",
    medial: "approx ca cf e.g esp excl i.e ibid incl resp viz vs",
    numeric: "\
        art arts ch chap ext fig figs no nos nr nrs n° nº op p para pp sec sect tel vol vols",
    final_: "\
        a.m al assn bros co corp dept esq est ft govt inc intl jr llc ltd mt natl p.m ph.d plc sr \
        st univ",
    end_likely: "etc",
};

const ENGLISH: Table = Table {
    title: "brig cpl dist fr gen mssrs p.s ps pvt reps sens",
    medial: "a.k.a aka approx ca cf circa e.g eg i.e ie viz vs",
    numeric: "\
        apr aug dec eds eq eqs feb fri jan jul jun mar mon no nos nov oct pg pgs pt ref refs sep \
        sept thu thur thurs tue tues",
    final_: "\
        a.d abbr acad adj adv anon ariz ark assoc asst atty ave b.a b.c b.sc biol bldg blvd bros \
        calif chem cir cm co colo conj conn corp ct d.c dept div e.u econ ed educ elec engl esq \
        est fla ga geog geol govt gram hosp hr hrs hwy illus inc inst interj intl jr kan kg km ky \
        lb lbs ling llc ltd m.a m.d m.sc md mech mfg mgmt mi mich min minn mins misc ml mm mo mont \
        mos natl naut neb nev obj okla orig oz ph.d pkg pref prep prev pron psych qtr rd recd refl \
        relig sq sr std subj suff syn tbsp tenn theol tpk tsp u.k u.n u.s u.s.a usu va voc vt wis \
        wk wks wyo yd yr yrs zool",
    end_likely: "",
};

const GERMAN: Table = Table {
    title: "\
        dent dipl dr fr frl habil hr hrn ing jur mag med nat oec phil pol prof rer sankt vet",
    medial: "\
        bspw bzgl bzw ca d.h evtl gem ggf ggü i.d.r inkl insb insbes lt o.g o.ä s.a s.o s.u sog \
        u.a u.a.m u.u u.v.m u.ä ugs v.a vgl z.b z.t z.zt zzgl",
    numeric: "\
        abs abschn anm apr art aufl aug bd dez di do feb febr jan jul jun kap mi mo mär nov nr okt \
        s sa sep sept so tel ziff",
    final_: "\
        abt allg amtl anh ausg bes betr chr co dgl dt engl entspr erg erw ev frz geb gegr ges gest \
        gez griech hl hrsg ital jh jhd jhs jr kath kg kl km lat ltd min mind mio mrd mtl n.chr \
        nachf orig pl rd rel russ röm sek sen span st std stellv str stv tsd univ urspr v.chr verh \
        vorm wiss zit zt zus öff",
    end_likely: "etc usf usw",
};

const FRENCH: Table = Table {
    title: "dr m me mgr mlles mm mme mmes pr st ste stes sts",
    medial: "c-à-d c.-à-d ca cf env p.ex vs",
    numeric: "\
        art avr chap dim déc fig fév févr janv jeu juill lun mar no nov n° oct p pp sept t tél \
        ven éd",
    final_: "\
        adj adv apr av bd boul cie coll dir dép ex fasc hab hist ibid id j.-c max min mlle obs op \
        princ réf s.a sq sté suiv trad vol éts",
    end_likely: "etc",
};

const SPANISH: Table = Table {
    title: "\
        arq dn dr dra dña fray ing lcda lcdo lic mtra mtro pbro prof profa sr sra srs srta sta sto",
    medial: "aprox ca cf p.ej vs",
    numeric: "\
        abr ago art cap dic dom ene feb fig jue jul jun lun mar mié no nov n° núm oct págs párr \
        párrf sep sept sáb tel vie vol",
    final_: "\
        adm admr admón apdo atte aux av avda cdad col coord cta cía dcha depto dir dpto dto ee \
        ee.uu ej entlo esc excma excmo fdo gob gral hnos hrs ilma ilmo izq izqda lda ltda min máx \
        mín nro ntra ntro prov pto pza pág s.a s.l sdad seg sres telf tfno ud uds uu vd vda vds",
    end_likely: "a.m etc p.m",
};

const ITALIAN: Table = Table {
    title: "\
        arch avv cav col comm dir dott dott.ssa egr gen gent geom ing mons on prof prof.ssa psicol \
        rag sig sig.na sig.ra sigg spett",
    medial: "ad c.a ca cfr es p.es",
    numeric: "\
        ago apr art cap dic dom feb fig gio giu lug lun mag mar mer n nn nov ott pag pagg par sab sec \
        set tel ven vol",
    final_: "amm ampl cit econ ediz elab fasc ff lett sez srl tab trad vv",
    end_likely: "ecc etc",
};

const PORTUGUESE: Table = Table {
    title: "dr dra eng exma exmo prof profa sr sra srta sta sto",
    medial: "aprox cf p.ex vs",
    numeric: "\
        abr ago art cap dez dom fev fig jan jul jun mai nov n° nº núm pág págs qua qui seg set sáb \
        tel ter vol",
    final_: "adj adv apart av cel cia cód dep fl ib jr lda ltda min obs pg s.a séc",
    end_likely: "etc",
};

const DUTCH: Table = Table {
    title: "dhr dr drs ing ir mevr mr mw prof st",
    medial: "\
        bijv bv ca d.w.z evt i.p.v m.a.w m.b.t n.a.v o.a ong resp t.a.v vs zgn",
    numeric: "apr art aug blz dec feb jan jul jun mrt nov nr okt p pag sep sept tel",
    final_: "adv afd alg dgl e.a e.d max min mld mln vlg",
    end_likely: "enz etc",
};

const RUSSIAN: Table = Table {
    title: "акад г-жа г-н ген гр доц полк проф св тов",
    medial: "и.о им напр ок прибл ср т.е т.к т.н т.о т.ч",
    numeric: "авг апр гл дек мар нояб окт рис сент стр табл фев февр янв №",
    final_: "\
        б.м вв вып г.г гг дер дол долл доп ед.ч изд кв кг км коп куб мин млн млрд мн.ч наб нач обл \
        пгт пер пл пос просп р-н ред руб сб сек см ст тт тыс ул ч шт эл",
    end_likely: "др пр т.д т.п",
};

const OTHER: Table = Table {
    title: "doç frk fru hr inż skt ul św डॉ",
    medial: "\
        apod bl.a d.h dvs esim f.eks ill jf kb ks m.in mht mm např np ns pga resp tj tzn tzw vb \
        vgl z.b örn ún δηλ π.χ",
    numeric: "godz kl nr str č",
    final_: "ok sv бул гр обл ул",
    end_likely: "atd itd itp jne mfl osv stb yms κ.ά κ.λπ т.н",
};

/// Words that typically open a sentence, lower-cased and sorted: English, German,
/// French, Spanish, Italian, Portuguese, Dutch, Scandinavian, Russian, Polish,
/// Czech, Finnish, Turkish and Greek pronouns, articles, conjunctions and adverbs
/// (and Bulgarian "моля", please).
/// Only the packed form is in the binary (see `stopwords::packed!`).
#[rustfmt::skip]
const STARTERS: &str = "\
    a aber after ale all alle als also although am ama an ancak anche and another anybody \
    anyone are as at au auch auf aux because before being besides biz both bu but can ce ces \
    cette che chi ci co come comment con could cuando cómo da dan dann dans das dat de dear \
    dein deine den denn der después det deze did die dies diese dieser dit dlaczego dnes do \
    doch does donc dopo dort dove du dzisiaj dónde e each een ein eine el ela elas ele eles \
    ella ellas elle elles ellos en então er es esta estas este esto estos et että eu even \
    every everybody everyone everything finally first for furthermore gdzie gli han hay he \
    hello her here het heute hi hier hij his hoe hon how however hun hva hvad hvem hvor \
    hvordan hvorfor há hän i ich if ihr ihre ik il ils im in indeed infatti inoltre instead io \
    is isso isto it its ja jag jak je jednak jeg jetzt jij jos just já kde kdo kdy kiedy kto \
    kun la las later le lei les let lo loro los luego lui ma maar mais man many mas may maybe \
    me meanwhile mein meine men might miksi millions missä mit more moreover most must mutta \
    my na nach nadie neither nessuno next no nobody noi non nor nosotros not nothing nous now \
    nu nun nunca não nós o och often og oggi ogni oh ok okay on ona once onde one oni onlar \
    only ono os other otherwise our où para perché perhaps pero però please po poi por potem \
    potom pourquoi proč puis quand quando que quem questa questi questo qui quindi quién qué \
    se second sein seine shall she should si sie since siz so some somebody someone something \
    sometimes sonra still så sí ta také także te ten teraz teď thank thanks that the their \
    then there these they this those though thus to today toen tomorrow tutti ty tämä um uma \
    un una unas und une uno unos unser unsere v vad var ve vi voi vous vy však w waar waarom \
    warum was wat we well wenn wer were what when where which while who whom whose why wie wij \
    will wir wo would wy y yes yesterday yet yo you your z ze zij çünkü él şu αλλά αυτή αυτοί \
    αυτό αυτός εμείς εσείς και μετά σήμερα τότε а будет был была были было бірақ бұл в ваш \
    впрочем все всё вчера вы где его если её завтра затем здесь и итак их как когда кроме кто \
    мой моля мы на наш не но однако он она они оно перед после потом почему поэтому сегодня \
    сейчас так также там теперь тогда тут ты у хотя что эта эти это этот я";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_lower_case_and_without_final_period() {
        for table in TABLES {
            for keys in [
                table.title,
                table.medial,
                table.numeric,
                table.final_,
                table.end_likely,
            ] {
                let keys: Vec<&str> = keys.split_ascii_whitespace().collect();
                for pair in keys.windows(2) {
                    assert!(
                        pair[0].as_bytes() < pair[1].as_bytes(),
                        "{:?} must come before {:?}",
                        pair[0],
                        pair[1]
                    );
                }
                for key in keys {
                    assert!(!key.is_empty() && key.len() < 32, "{key}");
                    assert_eq!(key, key.to_lowercase(), "{key}");
                    assert!(!key.ends_with('.'), "{key}");
                }
            }
            // A key has one kind per table.
            let mut keys: Vec<&str> = table.entries().map(|(key, _)| key).collect();
            let all = keys.len();
            keys.sort_unstable();
            keys.dedup();
            assert_eq!(keys.len(), all, "a key is listed under two kinds");
        }
    }

    #[test]
    fn lookups() {
        assert_eq!(is_abbreviation(Language::English, b"mr"), Some(Title));
        assert_eq!(is_abbreviation(Language::English, b"e.g"), Some(Medial));
        assert_eq!(is_abbreviation(Language::English, b"etc"), Some(EndLikely));
        assert_eq!(is_abbreviation(Language::English, b"no"), Some(Numeric));
        assert_eq!(is_abbreviation(Language::English, b"inc"), Some(Final));
        assert_eq!(is_abbreviation(Language::German, b"z.b"), Some(Medial));
        assert_eq!(is_abbreviation(Language::German, b"usw"), Some(EndLikely));
        assert_eq!(is_abbreviation(Language::French, b"p.ex"), Some(Medial));
        assert_eq!(is_abbreviation(Language::Spanish, b"srta"), Some(Title));
        assert_eq!(
            is_abbreviation(Language::Russian, "т.е".as_bytes()),
            Some(Medial)
        );
        assert_eq!(is_abbreviation(Language::Other, b"bzw"), Some(Medial));
        assert_eq!(is_abbreviation(Language::English, b"house"), None);
        assert_eq!(is_abbreviation(Language::Spanish, b"bzw"), None);
        // Sentence starters have no kind of their own.
        assert_eq!(is_abbreviation(Language::English, b"however"), None);
    }

    #[test]
    fn sentence_starters() {
        let words: Vec<&str> = STARTERS.split_ascii_whitespace().collect();
        assert!(words.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()));
        assert!(words.iter().all(|w| *w == w.to_lowercase()));
        for word in words {
            assert!(is_sentence_starter(word.as_bytes()), "{word}");
        }
        assert!(!is_sentence_starter(b"house"));
        assert!(!is_sentence_starter(b"mr"));
    }

    #[test]
    fn references_titles() {
        let words: Vec<&str> = REFERENCES_TITLES.split_ascii_whitespace().collect();
        assert!(words.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()));
        assert!(words.iter().all(|w| *w == w.to_lowercase()));
        for word in words {
            assert!(is_references_title(word.as_bytes()), "{word}");
            assert!(!is_sentence_starter(word.as_bytes()), "{word}");
        }
        assert!(!is_references_title(b"however"));
        assert!(!is_references_title(b"reference"));
        // Nor do the titles change what an abbreviation is.
        assert_eq!(is_abbreviation(Language::English, b"references"), None);
    }
}
