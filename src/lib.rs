pub mod error;
pub mod load;
pub mod model;
pub mod names;
pub use error::{Diagnostic, Error, Result};
