//! Valid datasets built around arbitrary names, shared by the property
//! tests (tests/it/props.rs) and the fuzz targets (fuzz/, which include this
//! file by path): whatever the names, the data loads, so every exporter must
//! write something its reader accepts.

use musalaha::import::toml::string;
use musalaha::load::SourceFile;

/// One data file: a source, a country with a region named by the names, one
/// actor per name (English name = the name, Arabic name = the next one,
/// aliases and notes too) on alternating sides, and two agreements between
/// them (one names every actor as a signatory, the other has a mediator),
/// titles and notes made of the names.
pub fn dataset(names: &[String]) -> Vec<SourceFile> {
    let names: Vec<&str> = if names.is_empty() {
        vec!["x", "y"]
    } else if names.len() == 1 {
        vec![names[0].as_str(), names[0].as_str()]
    } else {
        names.iter().map(String::as_str).collect()
    };
    let n = names.len();
    let s = |i: usize| string(names[i % n]);
    let mut t = String::new();
    t.push_str(&format!(
        "[[source]]\nid = \"doc\"\ntitle_ar = {}\ntitle_en = {}\nkind = \"study\"\n\n",
        s(0),
        s(1)
    ));
    t.push_str(&format!(
        "[[period]]\nid = \"early\"\nname_en = {}\nname_ar = {}\nto = \"2015-12-31\"\n\n",
        s(1),
        s(0)
    ));
    t.push_str("[[place]]\nid = \"syria\"\nname_en = \"Syria\"\nname_ar = \"سورية\"\nkind = \"country\"\n\n");
    t.push_str(&format!(
        "[[place]]\nid = \"gov\"\nname_en = {}\nname_ar = {}\naliases = [{}]\nkind = \"governorate\"\nparent = \"syria\"\nnote = {}\n\n",
        s(0),
        s(1),
        s(2),
        s(3)
    ));
    for i in 0..n {
        let (kind, alignment) = if i % 2 == 0 {
            ("armed-faction", "opposition")
        } else {
            ("state", "regime")
        };
        t.push_str(&format!(
            "[[actor]]\nid = \"a{i}\"\nname_en = {}\nname_ar = {}\naliases = [{}]\nkind = \"{kind}\"\nalignment = \"{alignment}\"\nplace = \"gov\"\nnote = {}\n\n",
            s(i),
            s(i + 1),
            s(i + 2),
            s(i + 3)
        ));
    }
    let participants: Vec<String> = (0..n)
        .map(|i| {
            let side = if i % 2 == 0 { "opposition" } else { "regime" };
            format!(
                "{{ actor = \"a{i}\", role = \"signatory\", side = \"{side}\", note = {} }}",
                s(i)
            )
        })
        .collect();
    t.push_str(&format!(
        "[[agreement]]\nid = \"g1\"\ntitle = {}\ntitle_ar = {}\ndate = \"2014-03\"\nplaces = [\"gov\"]\nkind = \"final-settlement\"\nstatus = \"implemented\"\nparticipants = [{}]\nsources = [{{ document = \"doc\", locator = {} }}]\nnote = {}\n\n",
        s(0),
        s(1),
        participants.join(", "),
        s(2),
        s(3)
    ));
    t.push_str(&format!(
        "[[agreement]]\nid = \"g2\"\ntitle = {}\ndate = \"2016\"\nplaces = [\"gov\"]\nkind = \"final-settlement\"\nstatus = \"implemented\"\nfollows = \"g1\"\nparticipants = [{{ actor = \"a0\", role = \"signatory\", side = \"opposition\" }}, {{ actor = \"a1\", role = \"signatory\", side = \"regime\" }}, {{ actor = \"a{}\", role = \"mediator\", side = \"neutral\" }}]\nsources = [{{ document = \"doc\", locator = {} }}]\n",
        s(1),
        n - 1,
        s(0)
    ));
    vec![SourceFile::new("strange.toml", t)]
}
