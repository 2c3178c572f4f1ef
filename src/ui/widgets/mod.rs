//! The widget kit every view shares: one typed field for values typed as text (money,
//! percentage, date, whole number) and one gesture tracker that groups the edits of a drag or
//! a typing session into one undo step.

mod date_field;
mod gesture;
mod typed_field;

pub use date_field::DateField;
pub use gesture::{Gesture, percent_slider};
pub use typed_field::{ProblemText, TypedField};
