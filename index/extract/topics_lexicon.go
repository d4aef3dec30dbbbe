package extract

// topicLexicon is the vocabulary of each IPTC top-level Media Topic: general
// news words, written for this project from general knowledge, no names of
// people. Each line is "weight: words"; weights run from 0.3 (a hint that
// many stories share) to 3 (a word that on its own says what the story is
// about). Words are lower case; "_" joins a two-word phrase, which replaces
// its two words' own weights where it occurs ("air_strike" is war, not a
// labour dispute); "!" after a word stops the regular inflections that
// buildTopicIndex otherwise adds (plural, -ed, -ing). Irregular forms are
// listed where they matter. A word may serve several labels.
var topicLexicon = []topicLexiconEntry{
	{"arts, culture, entertainment and media", `
3: film movie cinema cinemas filmmaker film_maker screenplay screenwriter hollywood bollywood oscar bafta grammy emmy
3: golden_globe box_office album singer songwriter rapper guitarist drummer bassist vocalist musician orchestra
3: symphony opera ballet choreographer theatre theater playwright novelist poet poetry poem literature literary
3: bestseller bestselling paperback museum sculptor sculpture painter artwork curator documentary sitcom
3: soap_opera blockbuster sequel prequel soundtrack lyrics jazz hip_hop rap reggae comedian entertainment
3: showbiz actor actress actors actresses song songs sang! sung! music gig concert premiere screenwriters
3: rock_band pop_star pop_music pop_group boy_band girl_band record_label film_festival box_set talent_show
3: reality_tv reality_show red_carpet west_end broadway brit_awards nominations biopic screenings cinematic
3: choreography pianist violinist cellist conductor_of composer opera_house art_gallery arthouse
2.5: band artist artists art arts artistic painting paintings exhibition exhibitions gallery galleries novel novels
2.5: author! authors! fiction memoir biography musical musicals drama dramas comedy comedies thriller horror
2.5: animation animated cartoon cartoonist broadcaster broadcasting television tv radio journalism journalist
2.5: newspaper tabloid magazine presenter presenters viewers filmed filming singing singers dancer dancers
2.5: dance dancing performer performers critics critic culture cultural studio studios nominated nominee
2.5: director_of film_director festival festivals directed starring starred celebrity celebrities photographer
2.5: photography acclaimed composers orchestral choir single_from debut_album hit_single charts
2: book books publisher publishers publishing published_by headline headlines media press_freedom episode
2: episodes series programme programmes channel channels broadcast broadcasts audience audiences ratings
2: show shows stage staged starring cast casting role roles character characters heritage exhibit
2: award awards prize prizes ceremony nomination director producer producers producing rock pop folk
2: chart top_ten number_one streaming podcast dvd cd cds vinyl remix tour touring editor editors reporter
2: reporters columnist commentator anchor newsroom news_channel news_agency press_agency free_speech
2: comic comics fans_of auction auctioned auctioneer manuscript manuscripts collection_of star stars
2: hits record_company music_industry film_industry entertainment_industry franchise writer writers
2: playing_the love_story screen screens premiered theatres theaters actor's sings performs performed
1.5: performance performances audition auditions costume costumes icon iconic legendary portrayal portrays
1.5: story stories storyline script scripts plot scene scenes viewer listeners
1: video videos hit released release debut original classic genre entertainer media_group
`},
	{"conflict, war and peace", `
3: war wars warfare troops soldier army armies military militia militias rebel rebels insurgent insurgency
3: militant militants ceasefire cease_fire truce armistice peacekeeping peacekeeper peace_keeping airstrike
3: air_strike drone_strike missile_strike military_strike shelling artillery missile missiles bombardment
3: invasion invade invaded counteroffensive frontline front_line front_lines battlefield warplane warplanes
3: fighter_jet fighter_jets gunfire jihadist jihadists jihad terrorism terrorist terrorists suicide_bomber
3: suicide_bombing suicide_attack car_bomb roadside_bomb nuclear_weapon nuclear_weapons chemical_weapons
3: ammunition munitions genocide war_crimes war_crime atrocities ethnic_cleansing peace_talks peace_deal
3: peace_agreement peace_process peace_plan peace_treaty peace_accord hostilities armed_forces air_force
3: air_defence air_defences air_defense brigade brigades battalion battalions regiment platoon infantry
3: paratroopers commandos special_forces navy naval marines warship warships submarine submarines
3: sniper snipers guerrilla guerrillas insurgents landmine landmines disarmament rearmament conscription
3: defence_secretary defence_minister defense_secretary ministry_of! war_zone warring belligerent
3: occupying_forces occupied_territory annexation prisoners_of! prisoner_of prisoners_of_war
3: mercenaries mercenary paramilitary paramilitaries drones_and cluster_bombs tank_battle
2.5: bombing bombings bomb bombed bombs explosives weapon weapons arms_embargo arms_race wartime postwar
2.5: pre_war civilians civilian_casualties hostage hostages captives massacre massacred siege besieged
2.5: coup junta combat battle battles battled offensive fighters occupation occupying
2.5: deployment deployed deploying deploy deploys pentagon nato commander commanders veterans
2.5: security_forces security_guarantees peace_force peacekeepers security_guarantee humanitarian_corridor
2.5: refugee_camp killed_in_fighting fighting_in clashes clashed tank tanks rocket_attack rocket_attacks
2.5: drone_attack drone_attacks air_raid air_raids shelled airstrikes missile_attack insurgent_attack
2.5: mobilisation mobilization mobilise mobilize conscripts withdrawal_of terror_attack terror_attacks
2.5: defence_ministry defense_ministry war_torn escalation de_escalation annexed liberated liberation
2: peace defence defense conflict conflicts wounded casualties refugees displaced fighting fought! armed
2: intercepted interceptors retreat retreated surrender surrendered hostile enemy enemies allies ally
2: alliance coalition_forces coalition_of warheads nuclear_arsenal uranium enrichment ballistic
2: terror extremist extremists extremism radicalised radicalized insurgency's overthrow stalemate
2: frontlines bunker bunkers trenches shell shells killed_by attack_on attacks_on raid raids
2: weapons_of! nuclear_programme nuclear_program spy spies espionage intelligence_services
1.5: attack attacks attacked strike strikes struck! soldiers_were killed destroyed explosion blast
1.5: security threat threats tension tensions regime zone border_clashes sanctions_on retaliation
1.5: retaliate retaliated negotiations_to kidnapped abducted
1: clash killing deaths dead death_toll victims aid humanitarian
`},
	{"crime, law and justice", `
3: police policeman policemen policewoman detective detectives arrest arrested arrests arresting
3: murder murdered murderer murderers homicide manslaughter stabbing stabbed gunman robbery robberies robber
3: robbers burglary burglaries burglar burglars theft thefts thief thieves stolen stole! steal steals stealing
3: embezzlement bribery money_laundering laundering trafficking trafficker traffickers smuggling smuggler
3: smugglers gang gangs gangster gangsters mafia assault assaulted rape raped rapist kidnap kidnapping
3: kidnapper kidnappers abduction crime crimes criminal criminals offender offenders jury juror jurors
3: verdict guilty acquitted acquittal convicted conviction convictions sentenced jail jailed imprisonment
3: imprisoned inmate inmates parole probation prosecutor prosecutors prosecution prosecuted prosecute
3: defendant defendants plaintiff plaintiffs courtroom forensic vandalism arson arsonist shoplifting
3: extradition extradited law_enforcement death_penalty capital_punishment knife_crime gun_crime
3: hate_crime hate_crimes high_court crown_court magistrates magistrate court_of! appeal_court
3: criminal_charges pleaded_guilty pleaded_not pleads_guilty pleaded suspect suspects homicides
3: fraudster fraudsters fraud_charges drug_dealer drug_dealers drug_dealing drug_trafficking drug_gang
3: cartel cartels police_officer police_officers police_said trial_of on_trial bail jail_sentence
3: prison_sentence life_sentence custodial remanded sentencing indicted indictment misdemeanour felony
3: murder_trial war_crimes_tribunal criminal_court supreme_court prison prisons prisoner prisoners
2.5: fraud fraudulent scam scams scammer corruption corrupt bribe bribes lawyer lawyers attorney attorneys
2.5: barrister barristers solicitor_general lawsuit lawsuits sue sued suing litigation court courts judge
2.5: judges judicial tribunal trial trials testify testified testimony witness witnesses custody charged
2.5: charges investigators investigation_into crime_scene killer killers shooting shootings shot_dead
2.5: gunmen illegal illegally unlawful unlawfully warrant warrants riot riots rioters rioting looting
2.5: looters domestic_violence domestic_abuse child_abuse sexual_abuse sexual_assault harassment stalking
2.5: fbi interpol offence offences offense offenses victim_of legal_action legal_battle court_case
2.5: court_ruling ruled_that jailing raided seized seizure contraband counterfeit police_force
2.5: copyright_infringement infringement piracy_charges cybercrime justice_system criminal_justice
1.5: justice law laws legal lawsuit's ruling appeal appeals hearing hearings evidence inquiry
1.5: investigation investigators_said abuse victims victim suspected alleged allegedly accused accusing
1.5: solicitor solicitors fine fined fines penalty misconduct patrol patrols crackdown raid
1.5: copyright piracy pirated hacking hacker hackers convict justice_secretary attorney_general
1.5: officers detained detention deported
1: killed killing security illicit banned ban
`},
	{"disaster, accident and emergency incident", `
3: earthquake earthquakes quake quakes tremor tremors aftershock aftershocks tsunami tsunamis volcano volcanoes
3: volcanic eruption eruptions erupted landslide landslides mudslide mudslides avalanche avalanches
3: wildfire wildfires bushfire bushfires forest_fire forest_fires blaze blazes firefighter firefighters
3: fire_brigade fire_crews fire_service fire_fighters plane_crash car_crash air_crash helicopter_crash
3: train_crash bus_crash road_accident road_accidents car_accident traffic_accident derailed derailment
3: capsized shipwreck drowned drowning disaster disasters death_toll emergency_services paramedic
3: paramedics rescuers rescue_workers rescue_teams search_and! evacuated evacuation evacuations evacuees
3: rubble wreckage emergency_landing pile_up sinkhole stampede coastguard coast_guard lifeboat
3: gas_leak gas_explosion chemical_spill oil_spill collapsed_building building_collapse mine_collapse
3: catastrophe catastrophic debris survivors survivor humanitarian_crisis disaster_relief natural_disaster
3: state_of! flash_flood flash_floods floodwaters flood_waters famine fatalities fatally injured_in
2.5: flood floods flooding flooded fire_broke burning_building explosion explosions accident accidents
2.5: accidental accidentally collision collided crashed crash crashes sank sinking rescue rescued
2.5: emergency aid_agencies relief_effort relief_efforts relief_workers trapped missing_people
2.5: devastation devastated inferno hurricane hurricanes typhoon typhoons cyclone cyclones tornado
2.5: tornadoes storm_damage aftermath toll body_count bodies_were blast
2: fire fires injured injuries casualty casualties ambulance ambulances hazard hazardous evacuate
2: damage damaged destroyed missing victims survived died_in killed_in dead drought leak leaking
2: power_cut power_cuts power_outage blackout blackouts outage outages collapse collapsed red_cross
2: humanitarian homes_destroyed derail
1.5: died killed deaths death devastating tragedy tragic relief aid warning alert
`},
	{"economy, business and finance", `
3: economy economies economic economically economist economists gdp inflation deflation recession
3: interest_rate interest_rates central_bank monetary investor investors shareholder shareholders
3: stock_market stock_exchange stockmarket stock_markets dividend dividends profit profits profitable
3: revenue revenues earnings tariff tariffs currency currencies exchange_rate exchange_rates yen
3: merger mergers takeover takeovers ceo chief_executive quarterly bankruptcy bankrupt insolvency
3: liquidation creditor creditors bailout wall_street nasdaq dow_jones ftse nikkei hedge_fund hedge_funds
3: ipo flotation subsidiary retailer retailers car_maker carmaker carmakers automaker automakers
3: drugmaker drugmakers credit_rating imf world_bank wto oecd opec trade_deficit trade_surplus
3: current_account housing_market house_prices consumer_spending retail_sales consumer_confidence
3: economic_growth growth_rate rate_rise rate_cut rate_hike share_price share_prices stock_price
3: market_share pre_tax analysts_said bond_yields bond_market oil_price oil_prices crude commodity
3: commodities barrel barrels chief_financial finance_director venture_capital private_equity
3: profit_warning sales_rose sales_fell turnover conglomerate multinational asset_management
3: takeover_bid buyout acquisitions
2.5: bank banks banking banker bankers finance financial fiscal investment investments invest invested
2.5: investing shares stock stocks equity equities trading trader traders exports export exporter
2.5: exporters imports import importer importers dollar dollars euro euros sterling firm firms company
2.5: companies business businesses corporate corporation corporations manufacturing manufacturer
2.5: manufacturers industry industries industrial debt debts borrowing loan loans lending lender lenders
2.5: mortgage mortgages insurer insurers insurance insurance_company valuation acquisition acquire acquired
2.5: deficit surplus budget_deficit analyst analysts economist's market_value markets_were
2.5: entrepreneur entrepreneurs supermarket supermarkets telecoms_firm stake stakes boardroom
2.5: chairman bonds stock_exchanges sector sectors bid_for cost_cutting restructuring subsidies subsidy
2.5: tax_rise tax_cut tax_cuts vat antitrust monopoly competition_commission regulator regulators
2.5: productivity consumers consumer purchasing manufacturing_output jobs_market job_cuts privatisation
2.5: privatization nationalisation cash_flow balance_sheet brand_value per_cent_rise percentage_points
2: market markets sales sale sold! sell sells selling buy buying bought! price prices pricing cost costs
2: trade trading_partner trade_deal trade_talks customer customers client clients brand brands deal
2: deals executive executives board_of firm's company's products product profits_rose output growth
2: demand supply supplier suppliers spending fund funds funding pension pensions asset assets capital
2: tax taxes taxation income wealth wealthy billion billions bn oil gas energy_prices energy_firm
2: pound pounds dollar's retail retailing shop shops shoppers store stores chain outlets airline
2: airlines aviation shipping logistics telecoms telecom operator operators steel mining miner
2: pharmaceutical treasury budget loss losses slump downturn boom rally forecast forecasts
2: quarter annual fiscal_year economist_at premium premiums property properties real_estate
2: startup startups insolvent valued worth rival_firm rivals merchant merchants wholesale
2: agriculture agricultural farming farmers exporting importing trade_union's shipping_firm
1.5: million millions bid offer offers deal's owner owners owned buyers sellers launch launched
1.5: rate rates interest credit cash money spend spent jobs employment unemployment wages salary
1.5: contract contracts rent rents landlord landlords factory factories plant plants production produce
1.5: gold silver oil_and dollar_a percent per_cent cut_costs costs_of board chief profit_margin
`},
	{"education", `
3: school schools schooling pupil pupils student students teacher teachers teaching classroom classrooms
3: university universities tuition tuition_fees top_up exam exams examination examinations gcse gcses
3: a_level a_levels curriculum syllabus headteacher headteachers head_teacher headmaster headmistress
3: kindergarten preschool primary_school primary_schools secondary_school secondary_schools high_school
3: high_schools undergraduate undergraduates postgraduate postgraduates literacy numeracy education
3: educational educator educators ofsted schoolchildren schoolboy schoolboys schoolgirl schoolgirls
3: enrolment enrollment enrolled truancy homework textbook textbooks phd doctorate semester vocational
3: student_loan student_loans lecturer lecturers education_secretary education_minister school_year
3: school_board term_time faculty_members further_education higher_education college_students
3: university_students grammar_school grammar_schools comprehensive_school faith_school faith_schools
3: teaching_assistants class_sizes exam_results league_tables tutor tutors tutoring scholarship scholarships
2.5: college colleges campus campuses academic academics graduates graduate graduated graduation degree
2.5: degrees_in bursary bursaries lesson lessons learners taught! teach teaches classes dropout dropouts
2.5: apprenticeship apprenticeships dissertation thesis alumni nursery nurseries academy academies
2.5: grades exam_board school_meals school_leavers childcare_and early_years
2: learning professor professors dean faculty training skills qualifications qualification teaching_unions
2: students_union pupils'
1: study studying course courses class grade test tests
`},
	{"environment", `
3: environmental environmentalist environmentalists climate_change global_warming greenhouse greenhouse_gas
3: greenhouse_gases carbon_dioxide co2 methane pollution pollutant pollutants polluted polluting polluter
3: polluters air_quality renewable renewables renewable_energy wind_farm wind_farms wind_power wind_turbine
3: wind_turbines fossil_fuel fossil_fuels deforestation rainforest rainforests biodiversity ecosystem
3: ecosystems conservationist conservationists landfill sea_level sea_levels glacier glaciers ice_sheet
3: ice_sheets ozone net_zero decarbonise decarbonisation decarbonize decarbonization clean_energy
3: paris_agreement kyoto_protocol overfishing wetlands ecological ecology ecologist habitat habitats
3: endangered_species emissions_targets carbon_emissions emission_cuts climate_crisis climate_action
3: climate_targets extinction solar_power solar_panels solar_farm green_energy environment_secretary
3: environment_minister environment_agency plastic_waste plastic_pollution poaching poacher poachers
3: coral_reef coral_reefs whaling species_of nature_reserve national_park national_parks
2.5: environment climate emission emissions carbon endangered conservation wildlife species recycling
2.5: recycle recycled waste sustainable sustainability pesticide pesticides toxic contamination
2.5: contaminated coral reef reefs arctic antarctic melting ivory whale whales extinct eco green_groups
2.5: electric_vehicle electric_vehicles electric_car electric_cars energy_efficiency coal deforested
2.5: biofuel biofuels nuclear_power climate_scientists heatwaves ocean oceans marine forest forests
2: green greens solar wind_energy logging trees tree planting nature natural_habitat river rivers
2: plastic plastics animals biodiversity_loss drought flooding_risk water_supply energy_use polar
2: farmland soil rewilding activists_say organic
1: natural energy fishing farming water land
`},
	{"health", `
3: health healthcare health_care hospital hospitals hospitalised hospitalized patient patients doctor doctors
3: nurse nurses surgeon surgeons surgery surgical physician physicians gp gps clinic clinics clinical
3: clinical_trial clinical_trials medical medicine medicines medication medications prescription
3: prescriptions pharmacy pharmacist pharmacists vaccine vaccines vaccination vaccinations vaccinated
3: immunisation immunization disease diseases illness illnesses infection infections infected infectious
3: outbreak outbreaks epidemic pandemic cancer cancers tumour tumours tumor tumors diabetes obesity obese
3: heart_disease heart_attack dementia alzheimer alzheimers asthma hiv malaria tuberculosis cholera
3: measles polio ebola influenza covid coronavirus symptom symptoms diagnosis diagnosed diagnose
3: therapy therapies therapist mental_health nhs health_service health_services waiting_list
3: waiting_lists care_home care_homes transplant midwife midwives antibiotic antibiotics antiviral
3: immune allergy allergies cardiac chronic dental dentist dentists quarantine epidemiologist
3: public_health health_secretary health_minister world_health health_officials bird_flu swine_flu
3: flu_vaccine hiv_aids life_expectancy blood_pressure cholesterol pregnancy pregnant maternity ivf
3: infant_mortality medics a_e accident_and! paediatric pediatric psychiatric psychiatrist
3: side_effects hospital_beds intensive_care nursing_home nursing_homes stroke_patients
2.5: drug_trial virus viruses bacteria bacterial flu treatment treatments treated_for patient's
2.5: nursing sick sickness ill ill_health mortality smoking smokers tobacco cigarette cigarettes
2.5: alcohol_abuse binge_drinking overdose addiction addicted obesity_rates nutrition diet_and
2.5: contraception abortion fertility medic ambulance_service organ_donor blood_test blood_tests
2.5: screening_programme hygiene sanitation lockdown infection_rate lung lungs kidney liver
2.5: brain_damage injury_to healthy_eating wellbeing well_being pharmaceuticals pharmaceutical_firm
2.5: drugs_company doctor's epidemics medically painkillers painkiller
2: drug drugs pill pills jab jabs care carers ward wards disability mental stroke depression anxiety
2: suicide blood heart brain organ dose doses scan scans injury injuries virus_which births
2: diet exercise fitness calories alcohol deaths_from died_from death_rate research_into
1: treated cure cured health_risk risk risks study
`},
	{"human interest", `
3: birthday birthdays centenarian heartwarming kitten kittens puppy puppies reunited reunion reunions
3: lottery_winner jackpot long_lost 100th_birthday golden_wedding wedding_anniversary world's_oldest
3: oldest_person royal_wedding royal_baby obituary obituaries quirky eccentric
2.5: anniversary anniversaries centenary wedding weddings bride bridegroom groom honeymoon pet pets
2.5: zoo zoos panda pandas lottery twins triplets coronation jubilee kindness bizarre oddball
2.5: celebrity_couple good_samaritan fundraiser miracle heroic bravery royals royal_family
2: royal monarch monarchy queen king prince princess duke duchess palace dog dogs cat cats
2: animal animals elephant elephants horse_named zookeeper newborn baby_boy baby_girl grandmother
2: grandfather grandparents grandson granddaughter great_grandmother hero heroes tribute tributes
2: funeral mourners celebrate celebrated celebration celebrations fame famous world_record
2: guinness tallest oldest youngest treasure surprise viral stranger strangers lucky luck
2: collector santa costume dressed_as fundraising charity_walk marathon_for proud delighted
1.5: family families married marry marriage engaged baby babies mother father mum dad daughter son
1.5: village villagers life lives memories memory remembered recalls moving touching
1: celebrity celebrities legend people story remarkable incredible amazing
`},
	{"labour", `
3: labor trade_union trade_unions trade_unionist trade_unionists labor_union labor_unions unionised
3: unionized strikers walkout walkouts walk_out walked_out industrial_action picket pickets picketing
3: picket_line picket_lines workforce redundancy redundancies laid_off layoff layoffs lay_off job_cuts
3: job_losses minimum_wage living_wage pay_rise pay_rises pay_deal pay_dispute pay_claim pay_offer
3: pay_freeze pay_cut pay_cuts working_hours work_hours zero_hours collective_bargaining tuc acas
3: gig_economy working_conditions labour_market labor_market labour_law labour_laws labor_laws
3: labour_shortage labour_shortages labor_shortage labour_dispute labor_dispute labour_costs labor_costs
3: labour_rights labor_rights workers_rights workers' employment_tribunal union_leader union_leaders
3: union_members union_member union_official union_officials union_boss strike_action general_strike
3: on_strike went_on! go_on! strike_ballot strike_vote national_strike strike_over strike_by
3: strikes_over staff_shortages child_labour child_labor forced_labour forced_labor sick_pay sick_leave
3: maternity_leave paternity_leave parental_leave unemployment_benefit jobseekers jobless joblessness
3: unemployment_rate employment_rate jobless_rate retirement_age pension_age overtime_ban
3: remote_working work_from_home four_day_week wage_growth wage_rises wage_increases
2.5: union unions worker workers employee employees employer employers employment unemployment
2.5: unemployed wage wages salary salaries strike strikes striking staffing understaffed workplace
2.5: workplaces occupational apprentices unskilled migrant_workers strike's union's stoppage stoppages
2.5: hiring recruitment vacancies job_security payroll freelancers freelance casual_workers
2: jobs job pay pension pensions retirement staff recruit recruits hired hire fired sacked dismissed
2: dismissal negotiators dispute disputes arbitration mediation ballot balloted contract contracts
2: shift shifts labour skills skilled training apprentice apprenticeship career careers
1: work working worked hours benefits
`},
	{"lifestyle and leisure", `
3: tourism tourist tourists holidaymaker holidaymakers vacation vacations resort resorts sightseeing
3: backpacking recipe recipes cuisine chef chefs cooking baking cocktail cocktails vegetarian vegan
3: fashion catwalk fashion_week fashion_designer hairstyle gardening gardener gardeners interior_design
3: home_decor diy hobby hobbies leisure pastime pastimes yoga hiking hiker hikers camping lifestyle
3: wellness dating picnic barbecue gourmet foodie foodies michelin nightlife theme_park theme_parks
3: crossword horoscope astrology home_improvement package_holiday package_holidays travel_industry
3: weekend_break city_break road_trip wine_tasting fine_dining food_lovers gastronomy
2.5: travel travelling traveling traveller travellers traveler travelers holiday holidays cruise
2.5: cruises beach beaches destination destinations hotel hotels food foods cook cooks restaurant
2.5: restaurants dish dishes meal meals dining diner diners cafe cafes bakery cake cakes wine wines
2.5: winery beer beers brewery cider coffee menu ingredient ingredients flavour flavours flavor
2.5: flavors tasting clothing clothes dress dresses designer designers stylish style beauty cosmetics
2.5: makeup skincare garden gardens fitness gym gyms workout workouts jogging skiing outdoors
2.5: shopping luxury spa relaxation relax relaxing parenting festive amusement rollercoaster toy toys
2.5: board_games puzzle puzzles motoring classic_car classic_cars vintage antique antiques furniture
2.5: homeowners fashionable trend trends trendy wardrobe jewellery jewelry perfume handbag handbags
2: christmas summer_holidays easter_holidays weekend weekends trip trips visitors visit pub pubs
2: bar bars leisure_centre tea chocolate dinner lunch breakfast
1.5: fun enjoy enjoying enjoyed family_friendly
`},
	{"politics", `
3: politics political politically politician politicians ministerial prime_minister presidential
3: presidency parliament parliaments parliamentary mp mps lawmaker lawmakers legislator legislators
3: legislature legislative senate senator senators congress congressional congressman congresswoman
3: election elections electoral electorate voter voters opinion_poll opinion_polls candidacy cabinet
3: reshuffle home_secretary foreign_secretary foreign_minister foreign_ministers foreign_office
3: foreign_policy diplomat diplomats diplomatic diplomacy bilateral multilateral democrat democrats
3: republican republicans tory tories lib_dem lib_dems liberal_democrats manifesto constituency
3: constituencies constituents referendum referendums mayoral councillor councillors downing_street
3: whitehall white_house kremlin impeachment impeach impeached veto vetoed backbench backbencher
3: backbenchers frontbench hustings canvassing polling_day polling_station polling_stations
3: general_election by_election midterm midterms primaries caucus partisan bipartisan filibuster
3: opposition_leader shadow_chancellor shadow_home shadow_foreign shadow_cabinet chancellor_of
3: party_leader party_leaders labour_party labour_leader labour_government labour_mp labour_mps
3: conservative_party conservative_leader liberal_party green_party ruling_party state_visit
3: head_of! foreign_affairs geopolitical secretary_general un_security security_council
3: european_commission european_parliament eu_leaders eu_membership house_of! civil_service
3: civil_servants id_cards identity_cards spin_doctor spin_doctors campaign_trail election_campaign
3: political_party political_parties prime_ministers deputy_prime peace_summit eu_summit
3: g7 g8 g20 nato_summit summit_in summit_on
2.5: government governments governmental minister ministers ministry president presidents democracy
2.5: democratic vote votes voted voting ballot ballots polling polls elected elect electing
2.5: conservative conservatives liberal liberals labour socialist socialists communist communists
2.5: nationalist nationalists populist populists far_right far_left left_wing right_wing centre_left
2.5: centre_right governor governors mayor mayors municipal westminster commons lords peers
2.5: constitution constitutional amendment legislation senators' lobbying lobbyist lobbyists
2.5: regime dictator dictatorship authoritarian autocrat autocratic sovereignty separatist
2.5: separatists secession independence_referendum inauguration inaugurated sworn_in incumbent
2.5: ambassador ambassadors embassy embassies envoy envoys summit summits treaty treaties sanctions
2.5: coalition_government coalition_partners opposition_parties rebel_mps chancellor secretary_of
2.5: policy policies eu european_union united_nations un nato premier premiership_of spokesman_for
2.5: taxpayer taxpayers tax_and! public_spending public_services spending_plans pre_budget budget
2.5: asylum immigration immigration_policy border_control deportation deportations citizenship
2.5: protest protests protesters protestors demonstrators petition human_rights civil_liberties
2: party parties opposition coalition leader leaders leadership campaign campaigns campaigning
2: campaigner campaigners candidate candidates poll reform reforms federal governing bill bills
2: talks negotiations negotiate negotiated negotiating accord declaration pledge pledged pledges
2: resign resigned resignation scandal sleaze whip whips council councils lobby state_department
2: defence_policy spokesman spokeswoman rally rallies activists signed_a signing_ceremony deal_with
2: allies_to visa visas migrants immigrants border borders welfare pensioners reforms_to regulation
1: official officials state states nation national country countries public law laws plan plans
1: power powers issue rights freedom vote_on
`},
	{"religion", `
3: religion religions religious faith faiths believers church churches cathedral cathedrals mosque mosques
3: synagogue synagogues monastery monasteries monk monks nun nuns pope popes papal vatican bishop bishops
3: archbishop archbishops priest priests priesthood clergy clergyman clergymen cleric clerics imam imams
3: rabbi rabbis pastor pastors vicar vicars preacher preachers evangelical evangelicals evangelist
3: christian christians christianity catholic catholics catholicism protestant protestants anglican
3: anglicans muslim muslims islam islamic jewish jews judaism hindu hindus hinduism buddhist buddhists
3: buddhism sikh sikhs sikhism atheist atheists atheism prayer prayers pray prayed praying worship
3: worshippers worshipers congregation congregations parish parishes diocese dioceses sermon sermons
3: bible biblical quran koran torah scripture scriptures theology theologian theologians pilgrim
3: pilgrims pilgrimage pilgrimages ramadan eid diwali hanukkah passover blasphemy heresy missionary
3: missionaries baptism baptised baptized ordination ordained synod apostle apostles interfaith
3: ecumenical creationism spirituality halal kosher hijab burka burqa sharia fatwa jihad_in
3: church_of faith_leaders religious_leaders holy_see mass_at good_friday
2.5: temple temples shrine shrines god gods divine holy sacred saint saints heaven sin sins secular
2.5: sect sects sectarian denomination spiritual orthodox cardinal cardinals chapel chaplain
2.5: communion easter messiah allah faithful headscarf headscarves veil veils mystic
2: belief beliefs christmas convert converts salvation soul souls choir worshipped deity
2: religious_freedom islamist islamists antisemitism islamophobia
`},
	{"science and technology", `
3: science sciences scientific scientist scientists physics physicist physicists chemistry chemist
3: chemists biology biologist biologists astronomy astronomer astronomers astrophysics cosmology
3: spacecraft space_station astronaut astronauts nasa telescope telescopes galaxy galaxies asteroid
3: asteroids comet comets black_hole black_holes quantum molecule molecules molecular genome genomes
3: genomic stem_cell stem_cells dinosaur dinosaurs archaeology archaeologist archaeologists
3: archaeological mathematics mathematician mathematicians technology technologies technological
3: tech hi_tech high_tech computer computers computing software algorithm algorithms ai
3: artificial_intelligence machine_learning robot robots robotic robotics internet broadband
3: wireless wi_fi wifi cloud_computing gadget gadgets smartphone smartphones mobile_phone mobile_phones
3: handset handsets cellphone cellphones laptop laptops pc pcs microchip microchips semiconductor
3: semiconductors processor processors chipmaker chipmakers apps hacker hackers cyber cyberattack
3: cyberattacks cyber_attack cybersecurity cyber_security malware spyware spam spammer spammers phishing
3: firewall encryption encrypted browser browsers search_engine search_engines e_mail email emails
3: blog blogs blogger bloggers blogging gamers console consoles multiplayer virtual_reality 3g 4g 5g
3: operating_system operating_systems open_source silicon_valley nanotechnology biotech biotechnology
3: gigabyte gigabytes megabyte megabytes terabyte terabytes megapixel megapixels bandwidth touchscreen
3: voip isp isps internet_service net_users web_users online_users digital_camera digital_cameras
3: file_sharing filesharing peer_to p2p mp3 video_game video_games videogame videogames games_console
3: computer_virus computer_viruses computer_games computer_game web_site web_sites website websites
3: web_page web_pages webpage webpages high_definition hd digital_tv digital_music music_player
3: music_players portable_player tech_firm tech_firms technology_firm technology_firms self_driving
3: experiment experiments experimental laboratory laboratories scientific_research space_agency
3: satellite satellites orbit orbiting orbital planet planets planetary lunar rover mars_mission
3: particle particles physicists' researchers_found researchers_say peer_reviewed evolutionary
3: cloning cloned embryo embryos genetically genetic_engineering dna genes gene genetic genetics
3: climate_model fossil fossils palaeontologist palaeontologists paleontologist biometric biometrics
3: interface user_interface hard_drive hard_drives flash_memory digital_rights text_messages
3: text_messaging texting sms instant_messaging social_networking social_network social_networks
3: developers_of software_developer programmer programmers programming_language coding
2.5: research researcher researchers lab labs innovation innovations innovative invention inventions
2.5: inventor inventors patent patents prototype engineering engineer engineers electronic electronics
2.5: digital digitally online web net network networks networking server servers database databases
2.5: data data_centre data_centres mobile mobiles phone phones device devices hardware chip chips
2.5: silicon users user download downloads downloaded downloading upload uploads uploaded hacking
2.5: hacked gaming tablet tablets camera cameras screen_resolution battery batteries wearable
2.5: virtual podcast podcasts social_media telecoms telecommunications 3d gaming_industry
2.5: space rocket rockets launch_pad space_mission mission_to moon mars atom atoms atomic
2.5: cell cells evolution species_of study_published journal_nature findings discovery discoveries
2.5: microsoft_windows drone drones automation automated program programs code virus_writers
2: study studies studied experts_say tested testing test telescope's signal signals broadband's
2: pixel pixels storage memory upgrade upgrades glitch bug bugs beta version versions launch
2: technical innovative_technology electric_car electric_vehicles satellite_tv tv_on gadgets'
1.5: display screens screen video television tv radio_frequency machine machines system systems
1.5: users' used_by develop developed developing developer developers
1: new_technology future
`},
	{"society", `
3: societal homeless homelessness food_bank food_banks inequality inequalities discrimination racism
3: racist racial feminism feminist feminists sexism sexist misogyny lgbt lgbtq lesbian transgender
3: same_sex gay_marriage civil_partnership civil_partnerships childcare child_poverty demographic
3: demographics census birth_rate multicultural multiculturalism volunteering social_worker
3: social_workers social_services social_care affordable_housing social_housing council_housing
3: social_mobility working_class middle_class wealth_gap universal_credit welfare_state rough_sleepers
3: rough_sleeping deprivation deprived underprivileged marginalised marginalized stereotypes prejudice
3: antisocial anti_social honour_killing forced_marriage modern_slavery human_trafficking
3: asylum_seekers asylum_seeker refugee_status gender_equality gender_gap equal_pay women's_rights
3: civil_rights disability_rights elderly_people older_people young_people child_protection
3: social_exclusion caste indigenous_people aboriginal
2.5: poverty poor welfare_benefits benefits_system equality diversity inclusion gender ethnic
2.5: ethnicity minority minorities elderly pensioner ageing aging population charity charities
2.5: charitable volunteer volunteers nonprofit non_profit ngo ngos housing gay gays trans divorce
2.5: migration migrant integration refugee refugees vulnerable slum slums shelter shelters indigenous
2.5: tribe tribes community_groups community_leaders social_problems social_issues teenagers
2.5: teenage youth youths disabled disability accessibility parents parenting adoption orphan orphans
2.5: orphanage domestic_violence domestic_abuse child_abuse addiction drug_abuse alcoholism gambling
2.5: anti_semitism antisemitism islamophobia hate_crime racially generation millennials
2: social society community communities family families marriage children child women girls
2: activist activists activism campaigners_say rights human_rights migrants immigrants immigration
2: asylum benefits donation donations donor donors neighbourhood neighbourhoods neighborhood
2: neighborhoods residents protest protests dignity equal unemployment_benefit pension_credit
1: people young old men boys age
`},
	{"sport", `
3: sport sports sporting sportsman sportsmen sportswoman football footballer footballers soccer cricket
3: cricketer cricketers rugby tennis golf golfer golfers athletics athlete athletes boxing boxer boxers
3: olympic olympics olympian olympians paralympic paralympics world_cup striker strikers midfielder
3: midfielders goalkeeper goalkeepers winger wingers teammate teammates premiership premier_league
3: semi_final semi_finals quarter_final quarter_finals tournament tournaments stadium referee referees
3: umpire umpires free_kick scorer scorers equaliser equalizer unbeaten relegation relegated fixture
3: fixtures hamstring wicket wickets innings batsman batsmen batting bowler bowlers bowling test_match
3: test_series scrum lineout fly_half scrum_half six_nations grand_slam wimbledon grand_prix formula_one
3: f1 pole_position podium sprinter sprinters hurdles relay medal medals medallist medallists
3: gold_medal silver_medal bronze_medal personal_best world_champion world_champions doping anti_doping
3: nba nfl nhl fifa uefa ioc baseball basketball hockey volleyball handball snooker darts horse_racing
3: jockey jockeys racehorse equestrian motorsport skier skiers snowboard snowboarding skating skater
3: wrestling wrestler judo karate taekwondo rowing rower rowers triathlon gymnastics gymnast gymnasts
3: archery badminton squash table_tennis half_time halftime extra_time injury_time stoppage_time
3: touchdown quarterback home_run captaincy gaffer hat_trick clean_sheet offside crossbar heavyweight
3: middleweight welterweight ufc set_point match_point break_point tiebreak tie_break deuce backhand
3: forehand trophy trophies silverware qualifier qualifiers group_stage knockout_stage playoff playoffs
3: play_off play_offs commonwealth_games rugby_league rugby_union flanker touchline substitute
3: substitutes spinner coach's manager's team_mate team_mates league_title cup_final fa_cup
3: champions_league world_title world_cup's first_half second_half penalty_shootout penalty_kick
3: goal_difference away_goals home_side away_side first_leg second_leg the_ashes test_cricket
3: one_day twenty20 t20 run_chase century_for centre_back full_back kick_off ligament cruciate
3: sprint_title indoor_season world_indoor athletics_championships cross_country sprint_finish
2.5: match matches goals goal coach coaches coaching squad squads league leagues championship
2.5: championships champion champions cup final finals season seasons player players club clubs
2.5: fans supporters penalty penalties header scored scoring victory defeat defeated beaten
2.5: derby transfer_window transfer_fee signing_of debut tries try_line ankle groin injury sidelined
2.5: race races racing sprint marathon lap laps ashes seed seeded seeds rankings ranked ranking
2.5: volley serve_and cyclist cyclists cycling swimmer swimmers swimming sailing knockout bout
2.5: skipper captain selector selectors call_up capped caps opener spectators crowd
2.5: defender defenders forward forwards midfield winning_goal own_goal injured_list injury_crisis
2.5: title_race title_bid top_flight second_tier promotion_race away_win home_win
2: game games team teams win wins won! winning lose losing lost! draw draws drew! beat beats
2: score scores scoring_chances kick kicked tackle tackles pitch pitches title titles trophy's
2: manager boss transfer transfers loan_deal contract_with comeback triumph triumphed thrashed
2: thrashing walkover qualify qualified qualifying qualification ranking_points semi semis
2: fitness training_ground training_camp pace fan crowd's
1.5: play played playing points point round rounds record opening tour victory's lead led
1: fit test tests international internationals career
`},
	{"weather", `
3: weather forecasters forecaster meteorologist meteorologists meteorological met_office rainfall
3: raining rainy downpour downpours drizzle snow snowfall snowfalls snowstorm snowstorms snowy sleet
3: hailstorm hailstones frost frosty fog foggy windy gust gusts gale gales thunderstorm thunderstorms
3: heatwave heat_wave heat_waves celsius fahrenheit humidity humid overcast wettest driest coldest
3: hottest_day weather_warning weather_warnings amber_warning yellow_warning red_warning blizzard
3: blizzards flurries el_nino la_nina jet_stream cold_front warm_front freezing_rain tropical_storm
3: landfall storm_surge snowplough snowploughs gritters gritting thaw temperatures_will
3: temperatures_are temperatures_of heavy_rain heavy_snow high_winds strong_winds cold_snap cold_weather
3: hot_weather dry_spell record_temperatures severe_weather weather_forecast weather_service
2.5: rain rains showers storm storms stormy thunder lightning tornado tornadoes hurricane hurricanes
2.5: typhoon typhoons cyclone cyclones monsoon temperature temperatures chilly icy sunshine sunny
2.5: cloudy winds freezing degrees_celsius warmest coldest_night forecast_for
2: wind cold heat ice mist cloud clouds warm warmer hotter colder mild wet dry drought flood_warnings
2: flood_warning forecast forecasts umbrella pollen uv winter summer autumn spring
1: climate degrees sun sky
`},
}
