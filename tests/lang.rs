//! Language detection through the public API: realistic short paragraphs in
//! every supported language, texts that must come out as `Other`, and a few
//! traps (names and loanwords from another language, mixed scripts, odd
//! characters). Stop lists are `pub(crate)`; their tests live in
//! `src/lang/stopwords.rs`.

use abridge::{detect_language, summarize, Language, Options};
use Language::*;

/// `(name, text, expected)`.
type Case = (&'static str, &'static str, Language);

const PARAGRAPHS: &[Case] = &[
    (
        "English news",
        "The committee met on Tuesday to review the budget. Several members said they were \
         worried about the rising costs of the new hospital, which is already two years behind \
         schedule. A final decision is expected next month.",
        English,
    ),
    (
        "German news",
        "Die Bundesregierung hat am Mittwoch ein neues Klimapaket beschlossen. Damit sollen die \
         Emissionen bis zum Jahr 2030 deutlich sinken. Kritiker halten die Maßnahmen jedoch für \
         unzureichend, weil sie zu spät kommen.",
        German,
    ),
    (
        "French news",
        "Le gouvernement a présenté mercredi un projet de loi sur l'énergie. Selon le ministre, \
         les factures des ménages devraient baisser dès l'année prochaine. L'opposition dénonce \
         un texte qui ne va pas assez loin.",
        French,
    ),
    (
        "Spanish news",
        "El Gobierno aprobó el martes una reforma de las pensiones que afectará a millones de \
         personas. Según el ministro, la medida garantiza la sostenibilidad del sistema. Los \
         sindicatos, sin embargo, han convocado una huelga para el próximo mes.",
        Spanish,
    ),
    (
        "Italian news",
        "Il consiglio comunale ha approvato ieri il nuovo piano per il traffico. Secondo il \
         sindaco, le modifiche ridurranno l'inquinamento nel centro della città. Non tutti i \
         commercianti sono però d'accordo con la decisione.",
        Italian,
    ),
    (
        "Portuguese news",
        "O governo anunciou nesta quarta-feira um novo pacote de medidas para a economia. \
         Segundo o ministro, as mudanças vão reduzir os impostos das pequenas empresas. A \
         oposição afirma que o plano não resolve os problemas do país.",
        Portuguese,
    ),
    (
        "Dutch news",
        "De gemeenteraad heeft dinsdag ingestemd met het nieuwe verkeersplan. Volgens de \
         wethouder wordt het centrum daardoor veel rustiger. Niet alle winkeliers zijn echter \
         blij met de maatregelen, omdat ze klanten vrezen te verliezen.",
        Dutch,
    ),
    (
        "Russian news",
        "Правительство в среду утвердило новый план развития транспорта. По словам министра, \
         он позволит сократить пробки в крупных городах. Однако эксперты считают, что этих мер \
         недостаточно.",
        Russian,
    ),
    (
        "Chinese news",
        "国务院周三通过了新的交通发展规划。据交通部长介绍，该计划将有效缓解大城市的拥堵问题。\
         不过，一些专家认为这些措施还远远不够。",
        Chinese,
    ),
    (
        "Japanese news",
        "政府は水曜日、新しい交通計画を承認した。大臣によると、この計画により大都市の渋滞が\
         緩和される見通しだ。しかし、専門家の中には対策が不十分だという声もある。",
        Japanese,
    ),
    (
        "Korean news",
        "정부는 수요일 새로운 교통 계획을 승인했다. 장관에 따르면 이 계획으로 대도시의 교통 체증이 \
         완화될 것으로 보인다. 그러나 일부 전문가들은 이러한 조치가 충분하지 않다고 지적했다.",
        Korean,
    ),
    (
        "English, one sentence",
        "I'm sure it's fine, but don't you think we'd better check what they've done?",
        English,
    ),
    (
        "French elisions",
        "C'est l'heure : qu'il vienne ou non, on n'attendra pas jusqu'à demain, d'autant \
         qu'aujourd'hui l'équipe s'est déjà réunie.",
        French,
    ),
    (
        "Italian elisions",
        "Quest'anno l'azienda ha registrato un aumento dell'otto per cento, nonostante \
         un'inflazione elevata, e c'è chi parla di un successo.",
        Italian,
    ),
    (
        "Spanish question marks",
        "¿A cuánto corresponde 35 °C?",
        Spanish,
    ),
    (
        "Russian without function words",
        "Площадь комнаты составляет 14 квадратных метров.",
        Russian,
    ),
];

const OTHER: &[Case] = &[
    ("empty", "", Other),
    ("whitespace", " \n\t\r\n ", Other),
    ("digits and punctuation", "12 345 678 90.5 — 2024-01-01 (3/4) 100% $", Other),
    ("emoji", "🙂🙂🙂 👍 🎉", Other),
    (
        "Thai",
        "รัฐบาลได้อนุมัติแผนการขนส่งใหม่เมื่อวันพุธ รัฐมนตรีกล่าวว่าแผนนี้จะช่วยลดปัญหาการจราจรติดขัดในเมืองใหญ่",
        Other,
    ),
    (
        "Arabic",
        "وافقت الحكومة يوم الأربعاء على خطة جديدة للنقل. وقال الوزير إن الخطة ستخفف الازدحام في المدن الكبرى.",
        Other,
    ),
    (
        "Greek",
        "Η κυβέρνηση ενέκρινε την Τετάρτη ένα νέο σχέδιο για τις μεταφορές. Σύμφωνα με τον \
         υπουργό, το σχέδιο θα μειώσει την κυκλοφοριακή συμφόρηση στις μεγάλες πόλεις.",
        Other,
    ),
    (
        "Hindi",
        "सरकार ने बुधवार को नई परिवहन योजना को मंजूरी दी। मंत्री ने कहा कि इससे बड़े शहरों में यातायात की समस्या कम होगी।",
        Other,
    ),
    (
        "Thai with English brand names",
        "บริษัท Apple เปิดตัว iPhone รุ่นใหม่ในกรุงเทพฯ วันนี้ และคาดว่าจะวางจำหน่ายในเดือนหน้า",
        Other,
    ),
    (
        "Danish",
        "Regeringen godkendte onsdag en ny trafikplan. Ifølge ministeren vil planen mindske \
         trængslen i de store byer, men flere eksperter mener ikke, at det er nok.",
        Other,
    ),
    (
        "Swedish",
        "Regeringen godkände på onsdagen en ny trafikplan. Enligt ministern kommer planen att \
         minska trängseln i storstäderna, men flera experter anser att det inte räcker.",
        Other,
    ),
    (
        "Polish",
        "Rząd zatwierdził w środę nowy plan transportowy. Według ministra pozwoli on zmniejszyć \
         korki w dużych miastach, ale eksperci uważają, że to za mało.",
        Other,
    ),
    (
        "Czech",
        "Vláda ve středu schválila nový dopravní plán. Podle ministra pomůže snížit zácpy ve \
         velkých městech, odborníci však tvrdí, že to nestačí.",
        Other,
    ),
    (
        "Romanian",
        "Guvernul a aprobat miercuri un nou plan de transport. Potrivit ministrului, acesta va \
         reduce aglomerația din marile orașe, dar experții spun că nu este suficient.",
        Other,
    ),
    (
        "Catalan",
        "El Govern va aprovar dimecres un nou pla de transport. Segons el conseller, el pla \
         reduirà els embussos a les grans ciutats, però alguns experts creuen que no és suficient.",
        Other,
    ),
    (
        "Turkish",
        "Hükümet çarşamba günü yeni bir ulaşım planını onayladı. Bakana göre plan büyük \
         şehirlerdeki trafik sıkışıklığını azaltacak, ancak uzmanlar bunun yeterli olmadığını \
         düşünüyor.",
        Other,
    ),
    (
        "Indonesian",
        "Pemerintah pada hari Rabu menyetujui rencana transportasi baru. Menurut menteri, \
         rencana ini akan mengurangi kemacetan di kota-kota besar, tetapi para ahli menilai \
         langkah tersebut belum cukup.",
        Other,
    ),
    (
        "Hungarian",
        "A kormány szerdán elfogadta az új közlekedési tervet. A miniszter szerint a terv \
         csökkenti a dugókat a nagyvárosokban, de a szakértők szerint ez nem elég.",
        Other,
    ),
    (
        "Vietnamese",
        "Chính phủ hôm thứ Tư đã phê duyệt kế hoạch giao thông mới. Theo bộ trưởng, kế hoạch \
         này sẽ giúp giảm ùn tắc tại các thành phố lớn.",
        Other,
    ),
    (
        "Ukrainian",
        "Урядом у середу затверджено новий транспортний план. За словами міністра, він \
         дозволить зменшити затори у великих містах, але експерти вважають, що цього \
         недостатньо.",
        Other,
    ),
    (
        "Bulgarian",
        "Правителството одобри в сряда нов транспортен план. Според министъра той ще намали \
         задръстванията в големите градове, но експертите смятат, че това не е достатъчно.",
        Other,
    ),
    (
        "Serbian Cyrillic",
        "Влада је у среду усвојила нови план саобраћаја. Према речима министра, он ће смањити \
         гужве у великим градовима, али стручњаци сматрају да то није довољно.",
        Other,
    ),
    (
        "Kazakh",
        "Үкімет сәрсенбі күні жаңа көлік жоспарын бекітті. Министрдің айтуынша, бұл жоспар ірі \
         қалалардағы кептелісті азайтады.",
        Other,
    ),
    ("Latin letters, no words", "Xq zzv brrk tnn pfft", Other),
];

const TRICKY: &[Case] = &[
    (
        "English with French names",
        "French President Emmanuel Macron met Jean-Luc Mélenchon and Marine Le Pen at the Élysée \
         Palace on Monday. The talks, which lasted three hours, focused on the pension reform \
         that has sparked protests across the country.",
        English,
    ),
    (
        "English with a French quotation",
        "The minister ended his speech with \"vive la République et vive la France\", to loud \
         applause from the members of his party, who had waited for hours in the rain.",
        English,
    ),
    (
        "German with English loanwords",
        "Das Meeting mit dem Team wurde auf Freitag verschoben, weil das neue Feature noch nicht \
         fertig ist. Der Product Owner will das Update trotzdem im Sprint Review zeigen und \
         danach das Feedback der User sammeln.",
        German,
    ),
    (
        "German citing an English title",
        "John Stuart Mill formulierte in seiner Schrift On Liberty die Grundlagen des \
         Liberalismus, die bis heute in der politischen Philosophie diskutiert werden.",
        German,
    ),
    (
        "English academic prose with et al.",
        "Following Collins et al. (2002) and Smith et al., we train a perceptron on the parsed \
         corpus, e.g. with averaged weights, i.e. the standard setting.",
        English,
    ),
    (
        "Spanish, not Portuguese",
        "La casa de mis padres está en el centro de la ciudad, muy cerca del mercado.",
        Spanish,
    ),
    (
        "Portuguese, not Spanish",
        "A casa dos meus pais fica no centro da cidade, muito perto do mercado.",
        Portuguese,
    ),
    (
        "Dutch, not German",
        "Het huis van mijn ouders staat in het centrum van de stad, vlak bij de markt.",
        Dutch,
    ),
    (
        "German, not Dutch",
        "Das Haus meiner Eltern steht im Zentrum der Stadt, ganz in der Nähe des Marktes.",
        German,
    ),
    (
        "Italian, not Spanish",
        "La casa dei miei genitori si trova nel centro della città, vicino al mercato.",
        Italian,
    ),
    (
        "French, not Italian",
        "La maison de mes parents se trouve dans le centre de la ville, près du marché.",
        French,
    ),
    (
        "English text quoting Chinese",
        "Xi Jinping (习近平) met the delegation in Beijing on Friday, according to state media. \
         The two sides signed an agreement on trade.",
        English,
    ),
    (
        "Chinese with Latin product names",
        "苹果公司周二发布了新款 iPhone 15 Pro，售价 999 美元起。该公司表示，新机型采用 USB-C 接口。",
        Chinese,
    ),
    (
        "Chinese with a stray kana",
        "今天の天气很好，我们一起去公园散步吧，顺便买点水果回家。",
        Chinese,
    ),
    (
        "Japanese with Latin company names",
        "東京で開かれた会議には、Apple や Google などの IT 企業の担当者が参加した。",
        Japanese,
    ),
    ("Japanese katakana only", "コンピュータ・ネットワーク", Japanese),
    (
        "Russian with Latin brand names",
        "Компания Apple представила в Москве новый iPhone. По словам представителей, продажи \
         начнутся в сентябре, а цена составит около 100 тысяч рублей.",
        Russian,
    ),
    (
        "English in full capitals",
        "THE COMMITTEE SAID IT WOULD PUBLISH THE REPORT BEFORE THE END OF THE YEAR.",
        English,
    ),
    (
        "French with curly apostrophes",
        "L’équipe n’a pas voulu commenter l’accord qu’elle a signé avec l’État.",
        French,
    ),
    (
        "French decomposed accents",
        "Le ministre a pre\u{301}sente\u{301} le projet a\u{300} l'Assemble\u{301}e \
         nationale mercredi.",
        French,
    ),
];

fn check(cases: &[Case]) {
    let mut failures = Vec::new();
    for &(name, text, expected) in cases {
        let got = detect_language(text);
        if got != expected {
            failures.push(format!("{name}: expected {expected:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn paragraphs_in_every_language() {
    check(PARAGRAPHS);
    for language in Language::ALL {
        if language != Other {
            assert!(
                PARAGRAPHS
                    .iter()
                    .any(|&(_, _, expected)| expected == language),
                "no paragraph for {language:?}"
            );
        }
    }
}

#[test]
fn unknown_languages_and_no_text_are_other() {
    check(OTHER);
}

#[test]
fn tricky_texts() {
    check(TRICKY);
}

#[test]
fn odd_characters_never_panic() {
    let texts = [
        "\0",
        "\0\0the\0cat\0",
        "\u{301}",
        "\u{301}\u{301}\u{301}the",
        "'",
        "''''",
        "’’’ l’",
        "a'b'c'd'e'f",
        "\u{feff}The cat",
        "\u{202e}the cat sat\u{202c}",
        "\u{7}\u{1b}[31mthe\u{1b}[0m",
        "İSTANBUL İÇİN",
        "ß ẞ ﬁ ǅ",
        "𝐓𝐡𝐞 𝐜𝐚𝐭",
        "\u{10FFFF}\u{E000}",
        "ъъъ ъе",
    ];
    for text in texts {
        detect_language(text);
    }
    let long_word = "a".repeat(10_000);
    detect_language(&long_word);
    let apostrophes = "'".repeat(10_000);
    detect_language(&apostrophes);
}

#[test]
fn long_texts_are_sampled() {
    // Past the sample, the language of the tail does not matter...
    let english = "The committee said it would publish the report before the end of the year. ";
    let mut text = english.repeat(1_000);
    text.push_str(
        &"Der Ausschuss wird den Bericht vor Ende des Jahres veröffentlichen. ".repeat(20),
    );
    assert_eq!(detect_language(&text), English);

    // ...but a slice from the middle is read, in case the start is boilerplate.
    let boilerplate = "1234 5678 | 9012 | 3456 | 7890 | ".repeat(1_000);
    let body = "Le gouvernement a présenté un projet de loi sur l'énergie. ".repeat(1_000);
    assert_eq!(detect_language(&(boilerplate + &body)), French);

    // Cuts land on char boundaries whatever the script.
    for unit in ["é", "漢", "ё", "🙂", "a\u{301}", "ไทย"] {
        for extra in 0..4 {
            let text = unit.repeat(20_000) + &"x".repeat(extra);
            detect_language(&text);
            detect_language(&text[unit.len()..]);
        }
    }
}

#[test]
fn detection_feeds_the_summary() {
    let text = "Le gouvernement a présenté mercredi un projet de loi sur l'énergie. Selon le \
                ministre, les factures des ménages devraient baisser dès l'année prochaine.";
    let summary = summarize(text, &Options::default()).unwrap();
    assert_eq!(summary.language, French);
}

mod never_panics {
    use proptest::prelude::*;

    /// Characters from every script the detector treats differently, and
    /// the separators and marks around them.
    fn pieces() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "the ", "l'", "’", "'", ".", "e.", " et al", "\u{301}", "\0", "\n", "ß", "ñ", "ъ", "ы",
            "і", "ł", "漢", "の", "한", "ก", "α", "🙂", "123", "¿", " ",
        ]);
        prop::collection::vec(piece, 0..64).prop_map(|parts| parts.concat())
    }

    proptest! {
        #[test]
        fn on_any_text(text in any::<String>()) {
            abridge::detect_language(&text);
        }

        #[test]
        fn on_mixed_scripts(text in pieces()) {
            abridge::detect_language(&text);
        }

        #[test]
        fn on_long_texts_cut_anywhere(text in pieces(), times in 200usize..800, skip in 0usize..4) {
            let long = text.repeat(times);
            let start = (0..=skip.min(long.len())).rev().find(|&i| long.is_char_boundary(i)).unwrap_or(0);
            abridge::detect_language(&long[start..]);
        }
    }
}
