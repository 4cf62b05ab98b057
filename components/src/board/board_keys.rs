//! The board's keyboard, as plain data (tested natively): arrow keys move between cards —
//! left and right to the nearest card in the next column of the same row, up and down to
//! the nearest card above or below in the same column — and, with a card picked up
//! (Space), left and right move where it will drop; Space drops it, Escape puts it back.

use document::board::CardView;

/// What a key does on the board.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoardKey {
    /// Focus this card.
    Focus(usize),
    /// Pick the focused card up, aiming at its own column.
    Lift,
    /// Aim the card held at this column.
    Aim(usize),
    /// Drop the card held on the column aimed at.
    Drop,
    /// Put the card held back.
    Cancel,
    Nothing,
}

/// What `key` does with card `at` focused, and `held` the column aimed at if a card is
/// picked up; `columns` tells which columns take a drop.
pub fn board_key(
    cards: &[CardView],
    at: usize,
    held: Option<usize>,
    droppable: &[bool],
    key: &str,
) -> BoardKey {
    let Some(card) = cards.get(at) else {
        return BoardKey::Nothing;
    };
    match (held, key) {
        (None, " ") => BoardKey::Lift,
        (Some(_), " " | "Enter") => BoardKey::Drop,
        (Some(_), "Escape") => BoardKey::Cancel,
        (Some(aim), "ArrowLeft") => aim_at(droppable, aim, -1),
        (Some(aim), "ArrowRight") => aim_at(droppable, aim, 1),
        (Some(_), _) => BoardKey::Nothing,
        (None, "ArrowLeft") => sideways(cards, card, -1),
        (None, "ArrowRight") => sideways(cards, card, 1),
        (None, "ArrowUp") => vertical(cards, card, -1.0),
        (None, "ArrowDown") => vertical(cards, card, 1.0),
        _ => BoardKey::Nothing,
    }
}

fn aim_at(droppable: &[bool], from: usize, step: isize) -> BoardKey {
    let mut at = from as isize + step;
    while at >= 0 && (at as usize) < droppable.len() {
        if droppable[at as usize] {
            return BoardKey::Aim(at as usize);
        }
        at += step;
    }
    BoardKey::Nothing
}

/// The nearest card of the same row in the nearest column on that side.
fn sideways(cards: &[CardView], card: &CardView, step: isize) -> BoardKey {
    let side = |c: &CardView| (c.column as isize - card.column as isize) * step > 0;
    cards
        .iter()
        .enumerate()
        .filter(|(_, c)| c.row == card.row && side(c))
        .min_by(|(_, a), (_, b)| {
            let key = |c: &CardView| (c.column.abs_diff(card.column), (c.y - card.y).abs() as i64);
            key(a).cmp(&key(b))
        })
        .map_or(BoardKey::Nothing, |(i, _)| BoardKey::Focus(i))
}

/// The nearest card above (`dir` −1) or below (+1) in the same column.
fn vertical(cards: &[CardView], card: &CardView, dir: f64) -> BoardKey {
    cards
        .iter()
        .enumerate()
        .filter(|(_, c)| c.column == card.column && (c.y - card.y) * dir > 0.0)
        .min_by_key(|(_, c)| (c.y - card.y).abs() as i64)
        .map_or(BoardKey::Nothing, |(i, _)| BoardKey::Focus(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(row: Option<usize>, column: usize, y: f64) -> CardView {
        CardView {
            id: String::new(),
            name: String::new(),
            title: String::new(),
            row,
            column,
            x: 0.0,
            y,
            width: 10.0,
            height: 10.0,
            late: None,
            critical: false,
            milestone: false,
            color: String::new(),
        }
    }

    #[test]
    fn arrows_move_between_cards_and_space_picks_up_and_drops() {
        // Milestone in column 1; row 0: cards in columns 0, 2 (two stacked); row 1: column 2.
        let cards = [
            card(None, 1, 0.0),
            card(Some(0), 0, 100.0),
            card(Some(0), 2, 100.0),
            card(Some(0), 2, 160.0),
            card(Some(1), 2, 300.0),
        ];
        let drops = [true, true, true, false];
        assert_eq!(
            board_key(&cards, 1, None, &drops, "ArrowRight"),
            BoardKey::Focus(2)
        );
        assert_eq!(
            board_key(&cards, 2, None, &drops, "ArrowDown"),
            BoardKey::Focus(3)
        );
        assert_eq!(
            board_key(&cards, 3, None, &drops, "ArrowDown"),
            BoardKey::Focus(4)
        );
        assert_eq!(
            board_key(&cards, 2, None, &drops, "ArrowUp"),
            BoardKey::Nothing
        );
        assert_eq!(
            board_key(&cards, 2, None, &drops, "ArrowLeft"),
            BoardKey::Focus(1)
        );
        assert_eq!(board_key(&cards, 2, None, &drops, " "), BoardKey::Lift);
        assert_eq!(
            board_key(&cards, 2, Some(2), &drops, "ArrowLeft"),
            BoardKey::Aim(1)
        );
        // Column 3 ("Later") takes no drop.
        assert_eq!(
            board_key(&cards, 2, Some(2), &drops, "ArrowRight"),
            BoardKey::Nothing
        );
        assert_eq!(board_key(&cards, 2, Some(1), &drops, " "), BoardKey::Drop);
        assert_eq!(
            board_key(&cards, 2, Some(1), &drops, "Escape"),
            BoardKey::Cancel
        );
    }
}
