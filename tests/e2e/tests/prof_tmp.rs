use motcua_core::codec::{self, Kind};
#[test]
fn prof() {
    let data = motcua_e2e::gen::generate(0.09, 11);
    let m = codec::period_of(data.dossiers[0].meta.created_at);
    let ds: Vec<_> = data
        .dossiers
        .iter()
        .filter(|d| codec::period_of(d.meta.created_at) == m)
        .cloned()
        .collect();
    let rs: Vec<_> = data
        .responses
        .iter()
        .filter(|d| codec::period_of(d.meta.created_at) == m)
        .cloned()
        .collect();
    println!("{} dossiers {} responses", ds.len(), rs.len());
    for _ in 0..2 {
        let t = std::time::Instant::now();
        let rows: Vec<serde_json::Map<String, serde_json::Value>> = ds
            .iter()
            .map(|d| match serde_json::to_value(d).unwrap() {
                serde_json::Value::Object(m) => m,
                _ => panic!(),
            })
            .collect();
        println!("to_value {:?}", t.elapsed());
        let t = std::time::Instant::now();
        let c = codec::columns::encode(rows);
        println!("columns {:?}", t.elapsed());
        let t = std::time::Instant::now();
        let j = serde_json::to_vec(&c).unwrap();
        println!("to_vec {:?} {} bytes", t.elapsed(), j.len());
        let t = std::time::Instant::now();
        let z = miniz_oxide::deflate::compress_to_vec(&j, 6);
        println!("deflate {:?} {} bytes", t.elapsed(), z.len());
        let t = std::time::Instant::now();
        let raw = codec::encode_chunk(Kind::Dossier, &ds);
        println!("encode dossiers {:?}", t.elapsed());
        let t = std::time::Instant::now();
        let _: Vec<motcua_core::dossier::Dossier> = codec::decode_chunk(Kind::Dossier, &raw).unwrap().0;
        println!("decode dossiers {:?}", t.elapsed());
        let t = std::time::Instant::now();
        let raw = codec::encode_chunk(Kind::Response, &rs);
        println!("encode responses {:?}", t.elapsed());
        let t = std::time::Instant::now();
        let _: Vec<motcua_core::survey::response::Response> = codec::decode_chunk(Kind::Response, &raw).unwrap().0;
        println!("decode responses {:?}", t.elapsed());
    }
}
