extension ProviderRowDecoder {
    func decodeContract(_ row: inout RowDecoder) -> ContractDetails? {
        let column = layout.column
        let description = row.requiredText(column("sub_type"), fix: "describe the service, e.g. Household waste collection")
        let service = row.requiredText(column("service"), fix: "name a service id from manifest.json, e.g. waste")
        if let service, context.services[service] != .other {
            let choices = context.services.filter { $0.value == .other }.keys.sorted().joined(separator: ", ")
            row.problem("service", "\"\(service)\" is not one of the manifest's other services", "use one of \(choices)")
        }
        let start = row.date(column("contract_start"))
        let end = row.date(column("contract_end"))
        if let start, let end, end < start {
            row.problem("contract_end", "\(end.iso) is before contract_start \(start.iso)", "check the dates")
        }
        let value = row.money(column("contract_value"))
        guard let description, let service else { return nil }
        return ContractDetails(
            serviceID: service, serviceDescription: description, contractName: row.text(column("contract_name")),
            start: start, end: end, value: value, valueNote: row.text(column("contract_value_note")),
            privateExtras: row.list(column("private_extras")), citizenNote: row.text(column("citizen_note")))
    }
}
