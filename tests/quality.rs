//! The scorer's rules for kinds of text, shown on small hand-written texts:
//! parenthetical asides in sectioned texts, and the run-on and dangling
//! penalties fading when the summary is an overview, conversations.

use abridge::{summarize, Length, Options, Penalty, Summary, TextKind, UnitKind};

fn run(text: &str, length: Length) -> Summary {
    summarize(text, &Options::default().length(length)).unwrap()
}

/// The quality of the (first) sentence that starts with `opening`.
fn quality(summary: &Summary, text: &str, opening: &str) -> f64 {
    summary
        .sentences
        .iter()
        .find(|s| s.text(text).starts_with(opening))
        .unwrap_or_else(|| panic!("no sentence starts with {opening:?}"))
        .features
        .quality
}

/// A sectioned text (two headings, 30 sentences) in which `aside` stands in
/// the middle of the second section.
fn sectioned(aside: &str) -> String {
    let mut text = String::from("# Rivers\n\n");
    for i in 0..15 {
        text.push_str(&format!(
            "The river carries water and stone from the hills to the valley number {}. ",
            ["one", "two", "three"][i % 3]
        ));
    }
    text.push_str("\n\n## Valleys\n\n");
    for i in 0..14 {
        if i == 7 {
            text.push_str(aside);
            text.push(' ');
        }
        text.push_str("A valley is shaped by the river that flows through the hills. ");
    }
    text
}

#[test]
fn asides_cost_quality_in_sectioned_texts_only() {
    let plain = "The Rhine flows from the Alps through Germany to the North Sea.";
    let aside = "The Rhine (Latin Rhenus, 1,233 km, see [12]) flows to the North Sea.";
    for (sentence, marked) in [(plain, false), (aside, true)] {
        let text = sectioned(sentence);
        let summary = run(&text, Length::Sentences(3));
        assert_eq!(summary.kind, TextKind::Sectioned);
        let q = quality(&summary, &text, "The Rhine");
        assert_eq!(q < 1.0, marked, "{sentence}: quality {q}");
        // About half of its visible characters are the aside and the figures.
        if marked {
            assert!((0.3..0.7).contains(&q), "{q}");
        }
    }
    // In news the same sentence keeps its full quality: figures are the story.
    let news =
        format!("{aside} The river rose on Monday. Boats stayed in port. The water fell later.");
    let summary = run(&news, Length::Sentences(2));
    assert_eq!(summary.kind, TextKind::News);
    assert_eq!(quality(&summary, &news, "The Rhine"), 1.0);
}

/// Ten sentences of a news story; the fourth is a run-on, the sixth opens with "It".
const STORY: &str = "The city council approved a new budget for the harbour on Monday. \
    The plan pays for a new pier and for the repair of the old sea wall. \
    The mayor said the work would start in the spring. \
    The harbour master, who has asked for the repairs for more than ten years and who \
    spoke at the meeting for almost an hour about the storms of the last winters, the \
    damage to the old wall and the boats that had to leave the port, welcomed the vote. \
    Fishermen had complained about the state of the wall for years. \
    It was damaged by three storms in the last two winters. \
    The new pier will be longer than the old one by forty metres. \
    Local shops expect more visitors once the work is done. \
    The council will meet again in June to discuss the schedule. \
    A public hearing on the plan is set for May.";

#[test]
fn run_on_dangling_and_quotation_penalties_fade_in_an_overview() {
    // Three of ten sentences: a lead, both penalties in full.
    let lead = run(STORY, Length::Sentences(3));
    let overview = run(STORY, Length::Sentences(5));
    let run_on = lead.sentences.iter().find(|s| s.words > 35).unwrap();
    assert!(run_on.features.penalties.contains(&Penalty::RunOn));
    assert!(quality(&lead, STORY, "The harbour master") < 1.0);
    assert!(quality(&lead, STORY, "It was damaged") < 1.0);
    // Five of ten is an overview: the penalties are still reported, but they
    // no longer mark the sentences down.
    assert_eq!(quality(&overview, STORY, "The harbour master"), 1.0);
    assert_eq!(quality(&overview, STORY, "It was damaged"), 1.0);
    let reported = &overview.sentences[5].features.penalties;
    assert_eq!(reported, &[Penalty::Dangling]);
    // A whole quotation fades like them; a question keeps its penalty in any
    // summary.
    let asked = format!(
        "{STORY} \"The wall will not survive another winter.\" \
         Will the pier be ready before the summer season?"
    );
    let lead = run(&asked, Length::Sentences(3));
    let overview = run(&asked, Length::Sentences(6));
    assert!(quality(&lead, &asked, "\"The wall") < 1.0);
    assert_eq!(quality(&overview, &asked, "\"The wall"), 1.0);
    let quoted = overview.sentences.iter().find(|s| s.words == 7).unwrap();
    assert_eq!(quoted.features.penalties, [Penalty::Quote]);
    assert!(quality(&overview, &asked, "Will the pier") < 1.0);
    assert_eq!(quality(&overview, &asked, "It was damaged"), 1.0);
}

/// An encyclopedia article copied with its list of references: footnote marks
/// after the sentences, and a numbered list of sources, each with the caret
/// that links back to where it is cited.
const ARTICLE_WITH_REFERENCES: &str = "Eiffel Tower

The Eiffel Tower is a wrought-iron lattice tower on the Champ de Mars in Paris, France.[1] \
It is named after the engineer Gustave Eiffel, whose company designed and built the tower \
from 1887 to 1889.[2] It was the centrepiece of the 1889 World's Fair.[3] The tower received \
5,889,000 visitors in 2022.[4]

History

Gustave Eiffel's company won the competition for the centrepiece of the fair. The design was \
by Maurice Koechlin and Emile Nouguier, two senior engineers of the company.[5] Work on the \
foundations started on 28 January 1887.[6]

References

1. ^ \"Eiffel Tower\". Encyclopaedia Britannica. Retrieved 3 May 2023.
2. ^ Harriss, Joseph (1975). The Tallest Tower: Eiffel and the Belle Epoque. Boston: Houghton Mifflin. p. 12.
3. ^ Loyrette, Henri (1985). Gustave Eiffel. New York: Rizzoli. p. 174.
4. ^ \"Eiffel Tower visitor figures 2022\". Retrieved 1 February 2023.
5. ^ Harriss, Joseph (1975). The Tallest Tower. p. 6.
6. ^ Loyrette, Henri (1985). Gustave Eiffel. p. 121.
";

#[test]
fn a_copied_reference_is_a_unit_of_its_own_and_never_picked() {
    let text = ARTICLE_WITH_REFERENCES;
    for length in [Length::Sentences(8), Length::Ratio(0.5), Length::Words(250)] {
        let summary = run(text, length);
        let references: Vec<_> = summary
            .sentences
            .iter()
            .filter(|s| s.kind == UnitKind::Reference)
            .collect();
        // Each source is one unit, whole, however many periods it has.
        assert_eq!(references.len(), 6);
        for reference in &references {
            assert!(text.lines().any(|line| line == reference.text(text)));
            assert!(!reference.selected);
        }
        // Only the article's sentences are chosen, and the sources' words are
        // no entities of it.
        let chosen: Vec<_> = summary.selected().map(|s| s.text(text)).collect();
        assert!(
            chosen.iter().all(|s| !s.contains('^')),
            "{length:?}: {chosen:?}"
        );
        assert!(chosen[0].starts_with("The Eiffel Tower is"), "{chosen:?}");
        let entities: Vec<_> = summary.entities.iter().map(|e| e.text.as_str()).collect();
        for source in ["Joseph", "Henri", "Houghton Mifflin", "1975"] {
            assert!(!entities.contains(&source), "{source} in {entities:?}");
        }
    }
}

/// A short paper copied from a PDF: it ends with a list of references under
/// its title, the sources wrapped over lines, without carets.
const PAPER: &str = include_str!("fixtures/paper-pdf.txt");

#[test]
fn a_titled_list_of_references_is_never_summarized() {
    for length in [Length::Sentences(8), Length::Ratio(1.0), Length::Words(400)] {
        let summary = run(PAPER, length);
        let title = summary
            .sentences
            .iter()
            .position(|s| s.text(PAPER) == "References")
            .unwrap();
        assert_eq!(summary.sentences[title].kind, UnitKind::Heading);
        // Every line after the title is a source's, whole, and none is picked
        // (the first before this rule: "Recalibrating global data center
        // energy-use estimates." at a ratio of 0.5).
        let sources = &summary.sentences[title + 1..];
        assert_eq!(sources.len(), 6);
        for source in sources {
            assert_eq!(source.kind, UnitKind::Reference);
            assert!(PAPER.lines().any(|line| line == source.text(PAPER)));
            assert!(!source.selected);
        }
        assert!(summary.selected().count() >= 3);
        let entities: Vec<_> = summary.entities.iter().map(|e| e.text.as_str()).collect();
        for cited in ["Masanet", "Koomey", "Science", "2015", "2020"] {
            assert!(!entities.contains(&cited), "{cited} in {entities:?}");
        }
    }
}

#[test]
fn a_list_of_references_is_known_by_its_title_in_each_language() {
    let body = &PAPER[..PAPER.find("References").unwrap()];
    let source = "Andrae, A. and Edler, T. 2015. On global electricity usage.";
    for title in [
        "REFERENCES",
        "7 References",
        "7. References",
        "## Bibliography",
        "Literaturverzeichnis:",
        "Einzelnachweise",
        "Références",
        "Bibliografía",
        "Riferimenti",
        "Referências",
        "Literatuur",
        "Литература",
        "参考文献",
        "참고문헌",
    ] {
        let text = format!("{body}{title}\n{source}\n");
        let summary = run(&text, Length::Ratio(1.0));
        let last = summary.sentences.last().unwrap();
        assert_eq!(last.kind, UnitKind::Reference, "{title}");
        assert_eq!(last.text(&text), source, "{title}");
    }
    // Not a title: a sentence that starts with the word, and the word in a
    // text's first quarter, where a table of contents names the section.
    let text = format!("{body}References are listed below.\n{source}\n");
    assert_eq!(
        run(&text, Length::Ratio(1.0))
            .sentences
            .last()
            .unwrap()
            .kind,
        UnitKind::Sentence
    );
    let text = format!("Contents\n\n1 Introduction\n2 References\n\n{body}");
    let summary = run(&text, Length::Ratio(1.0));
    assert!(summary
        .sentences
        .iter()
        .all(|s| s.kind != UnitKind::Reference));
    assert!(summary.selected().count() > 10);
}

const INTERVIEW: &str = include_str!("fixtures/interview-harbour.txt");

/// A transcript is a conversation: its labels say who speaks, not what is
/// said, so they are no keywords, names or words of a fragment's count, and
/// the courtesies between the answers stay out of the summary.
#[test]
fn an_interview_is_summarized_by_what_is_said() {
    let summary = run(INTERVIEW, Length::Sentences(3));
    assert_eq!(summary.kind, TextKind::Conversation);
    let keywords: Vec<&str> = summary.keywords.iter().map(|k| k.text.as_str()).collect();
    assert!(keywords.contains(&"gate"), "{keywords:?}");
    assert!(!keywords.iter().any(|k| k.len() == 1), "{keywords:?}");
    // "Q: Thanks for joining us." is four words said: a fragment.
    let thanks = summary
        .sentences
        .iter()
        .find(|s| s.text(INTERVIEW).starts_with("Q: Thanks"))
        .unwrap();
    assert!(thanks.features.penalties.contains(&Penalty::Fragment));
    for sentence in summary.selected() {
        let penalties = &sentence.features.penalties;
        assert!(
            !penalties.contains(&Penalty::Fragment),
            "{:?}",
            sentence.text(INTERVIEW)
        );
    }
    assert!(summary
        .selected()
        .any(|s| s.text(INTERVIEW).contains("tidal gate")));
}

/// Named speakers: a name that only labels the lines is no entity, and one
/// that is spoken of still is.
#[test]
fn speakers_are_no_names_of_the_text() {
    let text = "Marta: The bridge over the Lenne closes on Monday for repairs.\n\
        Jonas: For how long? The detour through Altdorf adds twenty minutes.\n\
        Marta: Six weeks, the council says. Buses will use the Altdorf road.\n\
        Jonas: Then I will cycle to the depot.\n\
        Marta: Ask Petra Lind at the depot about a bike locker.\n\
        Jonas: Good idea, Petra Lind runs the lockers.";
    let summary = run(text, Length::Sentences(2));
    assert_eq!(summary.kind, TextKind::Conversation);
    let names: Vec<&str> = summary.entities.iter().map(|e| e.text.as_str()).collect();
    assert!(
        names.contains(&"Altdorf") && names.contains(&"Petra Lind"),
        "{names:?}"
    );
    assert!(
        !names.contains(&"Marta") && !names.contains(&"Jonas"),
        "{names:?}"
    );
    let keywords: Vec<&str> = summary.keywords.iter().map(|k| k.text.as_str()).collect();
    assert!(
        !keywords.contains(&"marta") && !keywords.contains(&"jonas"),
        "{keywords:?}"
    );

    // The same lines without their labels are no conversation.
    let unlabelled: String = text
        .lines()
        .map(|line| line.split_once(": ").unwrap().1)
        .collect::<Vec<_>>()
        .join("\n");
    assert_ne!(
        run(&unlabelled, Length::Sentences(2)).kind,
        TextKind::Conversation
    );
}
