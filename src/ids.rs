//! Ids of new programs: `p-` + the time in base 36 + 8 random base-36 characters from
//! `crypto.getRandomValues`. They fit the route's id rule (`[A-Za-z0-9_-]{1,64}`).

/// A new program id, unique in practice, for a program created at `now_ms`.
pub fn new_program_id(now_ms: f64) -> String {
    let mut random = [0u8; 8];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|crypto| crypto.get_random_values_with_u8_array(&mut random).is_ok())
        .unwrap_or(false);
    if !filled {
        // No Web Crypto: Math.random is good enough to tell two local programs apart.
        for byte in &mut random {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    let mut id = String::from("p-");
    id.push_str(&base36(now_ms.max(0.0) as u64));
    id.push('-');
    for byte in random {
        id.push(DIGITS[usize::from(byte) % 36] as char);
    }
    id
}

const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

fn base36(mut n: u64) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    digits.reverse();
    String::from_utf8(digits).unwrap_or_default()
}
