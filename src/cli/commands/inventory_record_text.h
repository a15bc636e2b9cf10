// How each kind of inventory record reads for people, in English or Vietnamese by LANG: the
// columns of a list (with their header) and the labelled fields of one record; states by name.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "src/inventory/lifecycle.h"
#include "src/inventory/model.h"

namespace kyso::cli::inv {

using Fields = std::vector<std::pair<std::string, std::string>>;

/// `en` or `viText`, by the CLI's language.
const char* L(const char* en, const char* viText);
std::string yesNo(bool b);
/// A state as people read it: its Vietnamese name under LANG=vi, else its code (what --state
/// takes; the JSON keeps the code either way).
std::string stateText(inventory::Subject s, const std::string& state);

std::vector<std::string> unitHeader();
std::vector<std::string> unitCells(const inventory::Unit& u);
Fields unitFields(const inventory::Unit& u);
std::vector<std::string> personHeader();
std::vector<std::string> personCells(const inventory::Person& p);
Fields personFields(const inventory::Person& p);
std::vector<std::string> tokenHeader();
std::vector<std::string> tokenCells(const inventory::Token& t);
Fields tokenFields(const inventory::Token& t);
std::vector<std::string> certHeader();
std::vector<std::string> certCells(const inventory::Certificate& c);
Fields certFields(const inventory::Certificate& c);

}  // namespace kyso::cli::inv
