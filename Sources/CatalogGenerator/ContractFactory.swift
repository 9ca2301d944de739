import ChoiceKit

/// The seed's services citizens do not choose between: who buys them and who delivers them.
struct ContractFactory {
    let geography: Geography

    func make(random: inout SeededRandom) -> [Provider] {
        let area = geography.districts[0].name
        func place(_ random: inout SeededRandom) -> Manifest.PostcodeEntry { geography.postcode(in: 0, random: &random) }
        let depot = place(&random), probation = place(&random), wellbeing = place(&random), jobs = place(&random)
        let connect = place(&random)
        return [
            Provider(
                id: "W1", name: "\(area) Waste and Recycling Collection", sector: .privateLargeGroup,
                organisation: "Veridian Environmental Services Ltd", commissionerID: "council",
                address: "Depot, \(random.int(2...40)) Wharf Road", town: depot.town, postcode: depot.postcode,
                location: depot.location, phone: Contacts.phone(&random), website: nil,
                details: .other(ContractDetails(
                    serviceID: "waste", serviceDescription: "Household waste and recycling collection",
                    contractName: "Integrated Waste Collection Contract", start: KnownDates.day(2019, 4, 1),
                    end: KnownDates.day(2027, 3, 31), value: Money(pounds: 96_400_000),
                    valueNote: "8 years, from the council's published contracts register",
                    privateExtras: ["Garden waste collection: £52 a year", "Bulky waste collection: £35 for up to 3 items",
                                    "Replacement wheelie bin: £25"],
                    citizenNote: "The council chooses the contractor. Report a missed bin or complain to the council; you can buy garden and bulky waste collections on top."))),
            Provider(
                id: "P1", name: "\(area) Probation Delivery Unit", sector: .publicSector,
                organisation: "The Probation Service (HM Prison and Probation Service)", commissionerID: "moj",
                address: "\(random.int(2...90)) Castle Hill", town: probation.town, postcode: probation.postcode,
                location: probation.location, phone: Contacts.phone(&random), website: nil,
                details: .other(ContractDetails(
                    serviceID: "probation", serviceDescription: "Supervision of people on probation",
                    contractName: nil, start: nil, end: nil, value: nil,
                    valueNote: "Run directly by the Ministry of Justice since 2021; no contract", privateExtras: [],
                    citizenNote: "People on probation are allocated to a probation practitioner. Victims of serious crimes can join the Victim Contact Scheme."))),
            Provider(
                id: "P2", name: "Open Road Personal Wellbeing Service", sector: .voluntaryOrCharity,
                organisation: "Open Road Partnership", commissionerID: "moj",
                address: "\(random.int(2...90)) Queen Street", town: wellbeing.town, postcode: wellbeing.postcode,
                location: wellbeing.location, phone: Contacts.phone(&random), website: "https://www.open-road-partnership.example",
                details: .other(ContractDetails(
                    serviceID: "probation", serviceDescription: "Commissioned rehabilitative services (personal wellbeing)",
                    contractName: "Commissioned Rehabilitative Services — personal wellbeing", start: KnownDates.day(2021, 6, 26),
                    end: KnownDates.day(2027, 6, 25), value: nil, valueNote: "Value not published for this area",
                    privateExtras: [],
                    citizenNote: "A probation practitioner refers people to this service; it is not chosen by the public."))),
            Provider(
                id: "E1", name: "Restart Scheme — \(area) Jobcentre area", sector: .privateLargeGroup,
                organisation: "Pathway Employment Group plc", commissionerID: "dwp",
                address: "\(random.int(2...90)) High Street", town: jobs.town, postcode: jobs.postcode,
                location: jobs.location, phone: Contacts.phone(&random), website: "https://www.pathway-employment.example",
                details: .other(ContractDetails(
                    serviceID: "employment", serviceDescription: "Employment support for long-term unemployed people",
                    contractName: "Restart Scheme, East Midlands contract package", start: KnownDates.day(2021, 6, 28),
                    end: KnownDates.day(2027, 6, 27), value: nil,
                    valueNote: "Regional contract; value not split by area",
                    privateExtras: [],
                    citizenNote: "Restart took its last referrals in June 2026; people already on it carry on until their support ends. New referrals go to Connect to Work."))),
            Provider(
                id: "E2", name: "Connect to Work — \(area)", sector: .publicSector,
                organisation: "\(area) Borough Council employment service", commissionerID: "council",
                address: "\(random.int(2...90)) Station Road", town: connect.town, postcode: connect.postcode,
                location: connect.location, phone: Contacts.phone(&random), website: nil,
                details: .other(ContractDetails(
                    serviceID: "employment", serviceDescription: "Supported employment for disabled people, people with health conditions and others facing barriers to work",
                    contractName: "Connect to Work grant from the Department for Work and Pensions", start: KnownDates.day(2026, 4, 1),
                    end: nil, value: nil, valueNote: "A DWP grant to the council; the amount for this area is not published",
                    privateExtras: [],
                    citizenNote: "Taking part is voluntary. Your Jobcentre work coach, your doctor or the council can refer you, and some areas let you refer yourself."))),
        ]
    }
}
